use clap::Parser;

fn main() {
    let cli = match onrecord_cli::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
                || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            {
                let _ = e.print();
                std::process::exit(
                    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                        2
                    } else {
                        0
                    },
                );
            }
            // Usage errors in one line, as every other error.
            let text = e.render().to_string();
            let first: Vec<&str> = text
                .lines()
                .take_while(|l| !l.trim().is_empty())
                .map(str::trim)
                .collect();
            eprintln!("{} (see onrecord --help)", first.join(" "));
            std::process::exit(2);
        }
    };
    std::process::exit(onrecord_cli::cli::run(cli));
}

/// jemalloc keeps long-lived small allocations apart from the working data
/// of indexing and hands freed pages back at once, from a background
/// thread: the server holds about 60 MB less for its whole life than with
/// the system allocator (see the server benchmark in the README).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[cfg(not(target_env = "msvc"))]
// jemalloc reads its options from this exported symbol: the one place
// the workspace allows what `unsafe_code` forbids.
#[allow(non_upper_case_globals, unsafe_code)]
#[export_name = "_rjem_malloc_conf"]
pub static malloc_conf: &[u8] = b"background_thread:true,dirty_decay_ms:0,muzzy_decay_ms:0\0";
