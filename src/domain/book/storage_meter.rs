//! How full the browser's local storage is. Browsers give a site about five
//! million characters of localStorage; past that every save fails, so she is
//! warned while there is still room to make a backup and clear space.

/// What localStorage holds for one site, in characters (UTF-16 code units),
/// keys included. Chromium allows 10 MiB of UTF-16 (5,242,880 characters),
/// Firefox and Safari about 5 MB: the smaller round figure is used.
pub const LIMIT_CHARS: usize = 5_000_000;
/// From this share on, storage is getting tight.
pub const TIGHT_PERCENT: usize = 80;

/// How full storage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Roomy,
    /// At or past [`TIGHT_PERCENT`]: time to make a backup and clear space.
    Tight,
}

/// Characters used of [`LIMIT_CHARS`], as a whole percentage rounded up so
/// that a nearly full store never shows 100 % free.
pub fn percent_used(chars: usize) -> usize {
    (chars * 100).div_ceil(LIMIT_CHARS)
}

pub fn fill(chars: usize) -> Fill {
    if percent_used(chars) >= TIGHT_PERCENT {
        Fill::Tight
    } else {
        Fill::Roomy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tight_from_four_fifths() {
        assert_eq!(percent_used(0), 0);
        assert_eq!(percent_used(1), 1);
        assert_eq!(percent_used(2_500_000), 50);
        assert_eq!(fill(3_950_000), Fill::Roomy);
        assert_eq!(fill(3_950_001), Fill::Tight);
        assert_eq!(fill(LIMIT_CHARS), Fill::Tight);
    }
}
