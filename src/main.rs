use clap::Parser;

fn main() {
    let cli = onrecord::cli::Cli::parse();
    std::process::exit(onrecord::cli::run(cli));
}
