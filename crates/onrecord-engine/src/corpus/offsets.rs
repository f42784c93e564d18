//! File offsets: byte offsets into a file as it is on disk, which is what
//! editors, the JSON contract and fixes speak of. The engine reads an
//! article's view (for HTML, its readable text) in plain `u32` view
//! offsets; `Document::raw_start` and `raw_end` are the one conversion, and
//! every result that leaves the engine carries `FileOffset`s, so that a
//! view offset cannot reach an editor unconverted.

/// A UTF-8 byte offset into a file as it is on disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileOffset(pub u32);

impl FileOffset {
    /// The offset of byte `at` of a file (files are read only up to a size
    /// that fits in `u32`).
    #[inline]
    pub fn at(at: usize) -> FileOffset {
        FileOffset(u32::try_from(at).unwrap_or(u32::MAX))
    }

    #[inline]
    pub fn get(self) -> u32 {
        self.0
    }

    #[inline]
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

impl std::ops::Add<u32> for FileOffset {
    type Output = FileOffset;
    #[inline]
    fn add(self, bytes: u32) -> FileOffset {
        FileOffset(self.0 + bytes)
    }
}

impl std::ops::Sub<u32> for FileOffset {
    type Output = FileOffset;
    #[inline]
    fn sub(self, bytes: u32) -> FileOffset {
        FileOffset(self.0 - bytes)
    }
}

/// The bytes between two offsets.
impl std::ops::Sub for FileOffset {
    type Output = u32;
    #[inline]
    fn sub(self, earlier: FileOffset) -> u32 {
        self.0 - earlier.0
    }
}

impl std::fmt::Display for FileOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
