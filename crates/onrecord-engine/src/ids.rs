//! Typed indexes into an [`Analysis`](crate::engine::Analysis): a
//! document's id cannot be used where a quotation's or a speaker's is
//! meant, and each reads its item through the analysis's accessor.

/// Declares an index type: a `u32` with its own name.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in its vector.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of the item at `index` of its vector. Vectors of the
            /// analysis hold fewer than `u32::MAX` items (files are capped
            /// well below that).
            #[inline]
            pub fn new(index: usize) -> $name {
                $name(index as u32)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

index_type!(
    /// A corpus article: an index into `Analysis::docs`.
    DocId
);
index_type!(
    /// A corpus quotation: an index into `Analysis::quotes`.
    QuoteId
);
index_type!(
    /// A corpus speaker, merged across articles: an index into
    /// `Analysis::speakers`.
    SpeakerId
);
