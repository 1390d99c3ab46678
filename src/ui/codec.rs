//! How the page and its workers pass messages: bincode, as yew-agent's default codec, but
//! without staging each message whole in wasm memory. The default encodes into a growing
//! buffer and decodes from a full copy of the message. A message carries a file (tens of
//! megabytes) one way and its rows the other. Wasm memory never shrinks, so every staged copy
//! stayed taken for as long as the page was open.
//!
//! Here a message is written straight into a JavaScript array of its exact size, and read
//! from it a piece at a time. Both ends must use it: the page's `OneshotProvider`s and the
//! workers' registrars name it.

use bincode::de::read::Reader;
use bincode::enc::write::Writer;
use bincode::error::{DecodeError, EncodeError};
use js_sys::Uint8Array;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// How much of a message passes through wasm memory at a time.
const PIECE: usize = 64 * 1024;

/// The codec: see the module's comment.
pub struct InPieces;

impl yew_agent::Codec for InPieces {
    fn encode<I: Serialize>(input: I) -> JsValue {
        // Measured, then written, by the one writer: each pass through a writer of its own
        // type would put a second copy of every message's encoder into the page.
        let config = bincode::config::standard();
        let mut out = IntoArray::measuring();
        bincode::serde::encode_into_writer(&input, &mut out, config).expect("a worker message can be encoded");
        let mut out = IntoArray::new(out.at as usize);
        bincode::serde::encode_into_writer(&input, &mut out, config).expect("a worker message can be encoded");
        out.finish().into()
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let from = FromArray::new(Uint8Array::from(input));
        bincode::serde::decode_from_reader(from, bincode::config::standard()).expect("a worker message can be decoded")
    }
}

/// Writes into a JavaScript array, through a buffer of one piece; or, with no array, only
/// counts the bytes, to size the array.
struct IntoArray {
    array: Option<Uint8Array>,
    at: u32,
    piece: Vec<u8>,
}

impl IntoArray {
    fn new(size: usize) -> IntoArray {
        IntoArray { array: Some(Uint8Array::new_with_length(size as u32)), at: 0, piece: Vec::with_capacity(PIECE) }
    }

    fn measuring() -> IntoArray {
        IntoArray { array: None, at: 0, piece: Vec::new() }
    }

    fn flush(&mut self) {
        if let Some(array) = &self.array {
            array.set(&Uint8Array::from(&self.piece[..]), self.at);
        }
        self.at += self.piece.len() as u32;
        self.piece.clear();
    }

    fn finish(mut self) -> Uint8Array {
        self.flush();
        self.array.unwrap_or_default()
    }
}

impl Writer for IntoArray {
    fn write(&mut self, bytes: &[u8]) -> Result<(), EncodeError> {
        if self.array.is_none() {
            self.at += bytes.len() as u32;
            return Ok(());
        }
        if self.piece.len() + bytes.len() > PIECE {
            self.flush();
        }
        match &self.array {
            Some(array) if bytes.len() > PIECE => {
                array.set(&Uint8Array::from(bytes), self.at);
                self.at += bytes.len() as u32;
            }
            _ => self.piece.extend_from_slice(bytes),
        }
        Ok(())
    }
}

/// Reads from a JavaScript array, a piece at a time.
struct FromArray {
    array: Uint8Array,
    /// Where in the array the next piece starts.
    next: u32,
    piece: Vec<u8>,
    /// How much of the piece has been read.
    read: usize,
}

impl FromArray {
    fn new(array: Uint8Array) -> FromArray {
        FromArray { array, next: 0, piece: Vec::new(), read: 0 }
    }

    /// Takes `len` bytes from the array, bypassing the piece.
    fn copy_out(&mut self, into: &mut [u8]) {
        let end = self.next + into.len() as u32;
        self.array.subarray(self.next, end).copy_to(into);
        self.next = end;
    }
}

impl Reader for FromArray {
    fn read(&mut self, bytes: &mut [u8]) -> Result<(), DecodeError> {
        let mut filled = 0;
        while filled < bytes.len() {
            if self.read == self.piece.len() {
                let left = (self.array.length() - self.next) as usize;
                let wanted = bytes.len() - filled;
                if left < wanted {
                    return Err(DecodeError::UnexpectedEnd { additional: wanted - left });
                }
                // A long run (a file's bytes, a long text) goes straight where it is wanted.
                if wanted >= PIECE {
                    self.copy_out(&mut bytes[filled..]);
                    return Ok(());
                }
                self.piece.resize(left.min(PIECE), 0);
                let mut piece = std::mem::take(&mut self.piece);
                self.copy_out(&mut piece);
                self.piece = piece;
                self.read = 0;
            }
            let take = (bytes.len() - filled).min(self.piece.len() - self.read);
            bytes[filled..filled + take].copy_from_slice(&self.piece[self.read..self.read + take]);
            self.read += take;
            filled += take;
        }
        Ok(())
    }

    /// The next `n` bytes without taking them, from the piece (topped up from the array when
    /// fewer are left in it): bincode reads numbers and tags through this at once, where a
    /// `read` a byte at a time made decoding 200,000 people take a tenth of a second.
    fn peek_read(&mut self, n: usize) -> Option<&[u8]> {
        if self.piece.len() - self.read < n {
            let left = (self.array.length() - self.next) as usize;
            if left == 0 {
                // The last bytes: the caller reads them one by one.
                return None;
            }
            self.piece.drain(..self.read);
            self.read = 0;
            let have = self.piece.len();
            let more = left.min(PIECE);
            self.piece.resize(have + more, 0);
            let end = self.next + more as u32;
            self.array.subarray(self.next, end).copy_to(&mut self.piece[have..]);
            self.next = end;
            if self.piece.len() < n {
                return None;
            }
        }
        Some(&self.piece[self.read..self.read + n])
    }

    fn consume(&mut self, n: usize) {
        self.read += n;
    }
}
