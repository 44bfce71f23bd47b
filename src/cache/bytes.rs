//! The plain little-endian encoding the cache's files are written in: numbers, lengths and
//! strings onto a byte sink, and read back from a slice with every length checked.

use std::io::{self, Write};

/// Writes numbers and strings, counting the bytes and hashing them on the way (the hash is
/// the file's checksum, computed without holding the whole image in memory). Small writes
/// gather in a buffer that is hashed and written a megabyte at a time: an image is tens of
/// millions of small fields, and hashing or writing each on its own took seconds.
pub struct Out<W: Write> {
    sink: W,
    buffer: Vec<u8>,
    hasher: xxhash_rust::xxh3::Xxh3,
    /// The checksum of a part of its own (see `start_part`), while one is being written.
    part: Option<xxhash_rust::xxh3::Xxh3>,
    written: u64,
}

const BUFFER: usize = 1 << 20;

impl<W: Write> Out<W> {
    pub fn new(sink: W) -> Out<W> {
        Out {
            sink,
            buffer: Vec::new(),
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            part: None,
            written: 0,
        }
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.written += bytes.len() as u64;
        if bytes.len() >= BUFFER {
            // A long piece (a 100 MB source's text) goes through as it is, rather than into
            // a buffer that would grow as big.
            self.drain()?;
            self.hasher.update(bytes);
            if let Some(part) = &mut self.part {
                part.update(bytes);
            }
            return self.sink.write_all(bytes);
        }
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= BUFFER {
            self.drain()?;
        }
        Ok(())
    }

    /// Hashes and writes what the buffer holds.
    fn drain(&mut self) -> io::Result<()> {
        self.hasher.update(&self.buffer);
        if let Some(part) = &mut self.part {
            part.update(&self.buffer);
        }
        self.sink.write_all(&self.buffer)?;
        self.buffer.clear();
        Ok(())
    }

    pub fn u8(&mut self, n: u8) -> io::Result<()> {
        self.bytes(&[n])
    }

    pub fn u32(&mut self, n: u32) -> io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    pub fn u64(&mut self, n: u64) -> io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    pub fn len(&mut self, n: usize) -> io::Result<()> {
        self.u64(n as u64)
    }

    pub fn str(&mut self, text: &str) -> io::Result<()> {
        self.len(text.len())?;
        self.bytes(text.as_bytes())
    }

    pub fn opt_str(&mut self, text: Option<&str>) -> io::Result<()> {
        match text {
            None => self.u8(0),
            Some(text) => {
                self.u8(1)?;
                self.str(text)
            }
        }
    }

    /// How many bytes went through so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Starts a part with a checksum of its own: a reader that needs only that part checks
    /// it without hashing all that comes before it.
    pub fn start_part(&mut self) -> io::Result<()> {
        self.drain()?;
        self.part = Some(xxhash_rust::xxh3::Xxh3::new());
        Ok(())
    }

    /// Ends the part `start_part` started: the checksum of what was written since.
    pub fn end_part(&mut self) -> io::Result<u128> {
        self.drain()?;
        Ok(self.part.take().map_or(0, |part| part.digest128()))
    }

    /// The checksum of everything written so far.
    pub fn digest_so_far(&mut self) -> io::Result<u128> {
        self.drain()?;
        Ok(self.hasher.clone().digest128())
    }

    /// Everything written out: the sink, how many bytes and their checksum.
    pub fn finish(mut self) -> io::Result<(W, u64, u128)> {
        self.drain()?;
        Ok((self.sink, self.written, self.hasher.digest128()))
    }
}

/// Why a cache file could not be read back: it is not what this build writes, or it was cut
/// short or damaged. Never shown as an error: the dataset is loaded from its files instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub String);

pub type Read<T> = Result<T, Corrupt>;

fn short() -> Corrupt {
    Corrupt("it ends too early".into())
}

/// Reads what `Out` wrote, from the front of a slice.
#[derive(Clone, Copy)]
pub struct In<'a> {
    rest: &'a [u8],
}

impl<'a> In<'a> {
    pub fn new(bytes: &'a [u8]) -> In<'a> {
        In { rest: bytes }
    }

    pub fn bytes(&mut self, n: usize) -> Read<&'a [u8]> {
        if n > self.rest.len() {
            return Err(short());
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(taken)
    }

    pub fn array<const N: usize>(&mut self) -> Read<[u8; N]> {
        let bytes = self.bytes(N)?;
        bytes.try_into().map_err(|_| short())
    }

    pub fn u8(&mut self) -> Read<u8> {
        Ok(self.array::<1>()?[0])
    }

    pub fn u32(&mut self) -> Read<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Read<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A length of a list of items at least `item` bytes each, refused when the rest of the
    /// slice could not hold it (so a damaged length never asks for gigabytes).
    pub fn len(&mut self, item: usize) -> Read<usize> {
        let n = usize::try_from(self.u64()?).map_err(|_| short())?;
        if n.saturating_mul(item.max(1)) > self.rest.len() && item > 0 {
            return Err(short());
        }
        Ok(n)
    }

    pub fn str(&mut self) -> Read<&'a str> {
        let n = self.len(1)?;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| Corrupt("a text is not UTF-8".into()))
    }

    pub fn opt_str(&mut self) -> Read<Option<&'a str>> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.str()?)),
            _ => Err(Corrupt("a flag is neither 0 nor 1".into())),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// How many bytes are left to read.
    pub fn left(&self) -> usize {
        self.rest.len()
    }

    /// The bytes left to read.
    pub fn rest(&self) -> &'a [u8] {
        self.rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back_and_a_cut_is_refused() {
        let mut out = Out::new(Vec::new());
        out.u32(7).and_then(|_| out.str("héllo")).unwrap();
        out.opt_str(None).and_then(|_| out.u64(u64::MAX)).unwrap();
        let (bytes, _, _) = out.finish().unwrap();
        let mut input = In::new(&bytes);
        assert_eq!(input.u32(), Ok(7));
        assert_eq!(input.str(), Ok("héllo"));
        assert_eq!(input.opt_str(), Ok(None));
        assert_eq!(input.u64(), Ok(u64::MAX));
        assert!(input.is_empty());
        let mut cut = In::new(&bytes[..6]);
        assert_eq!(cut.u32(), Ok(7));
        assert!(cut.str().is_err());
        // A length claiming more than the file holds is refused before anything is allocated.
        let huge_length = u64::MAX.to_le_bytes();
        let mut huge = In::new(&huge_length);
        assert!(huge.len(8).is_err());
    }

    /// A piece longer than the buffer is written as it is, with the same bytes and the same
    /// checksums (the whole one and the part's) as when written a little at a time.
    #[test]
    fn a_long_piece_goes_through_as_written_in_small_ones() {
        let long: Vec<u8> = (0..3 * BUFFER + 17).map(|n| (n % 253) as u8).collect();
        let write = |pieces: usize| {
            let mut out = Out::new(Vec::new());
            out.u32(1).unwrap();
            out.start_part().unwrap();
            for piece in long.chunks(long.len().div_ceil(pieces)) {
                out.bytes(piece).unwrap();
            }
            let part = out.end_part().unwrap();
            out.str("after").unwrap();
            let (bytes, len, whole) = out.finish().unwrap();
            (bytes, len, whole, part)
        };
        let (bytes, len, whole, part) = write(1);
        assert_eq!((bytes.clone(), len, whole, part), write(5000));
        assert_eq!(part, xxhash_rust::xxh3::xxh3_128(&long));
        assert_eq!(whole, xxhash_rust::xxh3::xxh3_128(&bytes));
    }
}
