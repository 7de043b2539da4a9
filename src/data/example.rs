//! tf.Example as protocol buffers, encoded and decoded by hand (the schema is four tiny messages):
//!
//! ```text
//! Example  { Features features = 1; }
//! Features { map<string, Feature> feature = 1; }        // entry: key = 1, value = 2
//! Feature  { oneof { BytesList bytes_list = 1; FloatList float_list = 2; Int64List int64_list = 3; } }
//! BytesList { repeated bytes value = 1; }   FloatList { repeated float value = 1 [packed]; }
//! Int64List { repeated int64 value = 1 [packed]; }
//! ```
//! The decoder accepts packed and unpacked repeated scalars (both are valid on the wire), skips
//! unknown fields as protobuf requires, and rejects anything malformed as `NotExample`.

use std::collections::BTreeMap;

use super::error::{DataError, ErrorKind, Result};

#[derive(Clone, Debug, PartialEq)]
pub enum Feature {
    Bytes(Vec<Vec<u8>>),
    Float(Vec<f32>),
    Int64(Vec<i64>),
}

impl Feature {
    pub fn type_name(&self) -> &'static str {
        match self {
            Feature::Bytes(_) => "bytes_list",
            Feature::Float(_) => "float_list",
            Feature::Int64(_) => "int64_list",
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Feature::Bytes(v) => v.len(),
            Feature::Float(v) => v.len(),
            Feature::Int64(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A decoded tf.Example: feature name -> values. Sorted, so encoding is deterministic.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Example {
    pub features: BTreeMap<String, Feature>,
}

fn feature_err(detail: String) -> DataError {
    DataError::new(ErrorKind::Feature, detail)
}

impl Example {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_bytes(mut self, name: &str, v: impl Into<Vec<u8>>) -> Self {
        self.features.insert(name.to_string(), Feature::Bytes(vec![v.into()]));
        self
    }

    pub fn with_int64(mut self, name: &str, v: &[i64]) -> Self {
        self.features.insert(name.to_string(), Feature::Int64(v.to_vec()));
        self
    }

    pub fn with_float(mut self, name: &str, v: &[f32]) -> Self {
        self.features.insert(name.to_string(), Feature::Float(v.to_vec()));
        self
    }

    pub fn get(&self, name: &str) -> Result<&Feature> {
        self.features.get(name).ok_or_else(|| feature_err(format!("missing feature '{}'", name)))
    }

    fn wrong_type(name: &str, want: &str, got: &Feature) -> DataError {
        feature_err(format!("feature '{}' is {}, expected {}", name, got.type_name(), want))
    }

    fn check_len(name: &str, got: usize, want: Option<usize>) -> Result<()> {
        match want {
            Some(n) if n != got => Err(feature_err(format!("feature '{}' has {} values, expected {}", name, got, n))),
            _ => Ok(()),
        }
    }

    /// The values of a bytes feature; `len` checks the count when given.
    pub fn bytes(&self, name: &str, len: Option<usize>) -> Result<&[Vec<u8>]> {
        match self.get(name)? {
            Feature::Bytes(v) => Self::check_len(name, v.len(), len).map(|_| v.as_slice()),
            f => Err(Self::wrong_type(name, "bytes_list", f)),
        }
    }

    pub fn int64s(&self, name: &str, len: Option<usize>) -> Result<&[i64]> {
        match self.get(name)? {
            Feature::Int64(v) => Self::check_len(name, v.len(), len).map(|_| v.as_slice()),
            f => Err(Self::wrong_type(name, "int64_list", f)),
        }
    }

    pub fn floats(&self, name: &str, len: Option<usize>) -> Result<&[f32]> {
        match self.get(name)? {
            Feature::Float(v) => Self::check_len(name, v.len(), len).map(|_| v.as_slice()),
            f => Err(Self::wrong_type(name, "float_list", f)),
        }
    }

    /// A bytes feature holding exactly one value.
    pub fn bytes1(&self, name: &str) -> Result<&[u8]> {
        Ok(&self.bytes(name, Some(1))?[0])
    }

    /// An int64 feature holding exactly one value.
    pub fn int64_1(&self, name: &str) -> Result<i64> {
        Ok(self.int64s(name, Some(1))?[0])
    }

    pub fn encode(&self) -> Vec<u8> {
        let feats = features_len(self);
        let mut out = Vec::with_capacity(feats + 10);
        put_tag(&mut out, 1, 2);
        put_varint(&mut out, feats as u64);
        for (k, f) in &self.features {
            let flen = feature_len(f);
            let entry = field_len(1, k.len()) + field_len(2, flen);
            put_tag(&mut out, 1, 2);
            put_varint(&mut out, entry as u64);
            put_tag(&mut out, 1, 2);
            put_varint(&mut out, k.len() as u64);
            out.extend_from_slice(k.as_bytes());
            put_tag(&mut out, 2, 2);
            put_varint(&mut out, flen as u64);
            match f {
                Feature::Bytes(vs) => {
                    put_tag(&mut out, 1, 2);
                    put_varint(&mut out, list_len(f) as u64);
                    for v in vs {
                        put_tag(&mut out, 1, 2);
                        put_varint(&mut out, v.len() as u64);
                        out.extend_from_slice(v);
                    }
                }
                Feature::Float(vs) => {
                    put_tag(&mut out, 2, 2);
                    put_varint(&mut out, list_len(f) as u64);
                    if !vs.is_empty() {
                        put_tag(&mut out, 1, 2);
                        put_varint(&mut out, 4 * vs.len() as u64);
                        for v in vs {
                            out.extend_from_slice(&v.to_le_bytes());
                        }
                    }
                }
                Feature::Int64(vs) => {
                    put_tag(&mut out, 3, 2);
                    put_varint(&mut out, list_len(f) as u64);
                    if !vs.is_empty() {
                        put_tag(&mut out, 1, 2);
                        put_varint(&mut out, vs.iter().map(|&v| varint_len(v as u64)).sum::<usize>() as u64);
                        for &v in vs {
                            put_varint(&mut out, v as u64);
                        }
                    }
                }
            }
        }
        out
    }

    /// Decodes one serialized tf.Example. Errors are `NotExample`, with the byte offset of the
    /// problem within the record in the detail.
    pub fn decode(buf: &[u8]) -> Result<Example> {
        let mut ex = Example::new();
        let mut r = Wire { buf, pos: 0, base: 0 };
        while !r.done() {
            let (field, wt) = r.tag()?;
            if field == 1 {
                let body = r.sub(wt, "Example.features")?;
                decode_features(body, &mut ex)?;
            } else {
                r.skip(wt)?;
            }
        }
        Ok(ex)
    }
}

fn decode_features(mut r: Wire, ex: &mut Example) -> Result<()> {
    while !r.done() {
        let (field, wt) = r.tag()?;
        if field != 1 {
            r.skip(wt)?;
            continue;
        }
        let mut er = r.sub(wt, "Features.feature")?;
        let mut key = String::new();
        let mut value = Feature::Bytes(Vec::new()); // a map entry without value holds the default
        while !er.done() {
            let (f, wt) = er.tag()?;
            match f {
                1 => {
                    let k = er.sub(wt, "map key")?;
                    key = String::from_utf8(k.buf.to_vec()).map_err(|_| k.err("feature name is not UTF-8"))?;
                }
                2 => value = decode_feature(er.sub(wt, "map value")?)?,
                _ => er.skip(wt)?,
            }
        }
        ex.features.insert(key, value);
    }
    Ok(())
}

fn decode_feature(mut r: Wire) -> Result<Feature> {
    let mut out = Feature::Bytes(Vec::new());
    while !r.done() {
        let (field, wt) = r.tag()?;
        match field {
            1..=3 => out = decode_list(field, r.sub(wt, "Feature.kind")?)?,
            _ => r.skip(wt)?,
        }
    }
    Ok(out)
}

fn decode_list(kind: u32, mut r: Wire) -> Result<Feature> {
    let mut bytes = Vec::new();
    let mut floats = Vec::new();
    let mut ints = Vec::new();
    while !r.done() {
        let (field, wt) = r.tag()?;
        if field != 1 {
            r.skip(wt)?;
            continue;
        }
        match (kind, wt) {
            (1, 2) => bytes.push(r.sub(wt, "bytes value")?.buf.to_vec()),
            (2, 5) => floats.push(f32::from_le_bytes(r.take(4)?.try_into().unwrap())),
            (2, 2) => {
                let p = r.sub(wt, "packed floats")?;
                if p.buf.len() % 4 != 0 {
                    return Err(p.err("packed float list length is not a multiple of 4"));
                }
                floats.extend(p.buf.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())));
            }
            (3, 0) => ints.push(r.varint()? as i64),
            (3, 2) => {
                let mut p = r.sub(wt, "packed int64s")?;
                while !p.done() {
                    ints.push(p.varint()? as i64);
                }
            }
            _ => return Err(r.err(&format!("wire type {} is wrong for list kind {}", wt, kind))),
        }
    }
    Ok(match kind {
        1 => Feature::Bytes(bytes),
        2 => Feature::Float(floats),
        _ => Feature::Int64(ints),
    })
}

/// A cursor over one message; `base` is where the message starts in the record, so errors give
/// offsets within the whole record.
struct Wire<'a> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Wire<'a> {
    fn err(&self, what: &str) -> DataError {
        DataError::new(ErrorKind::NotExample, format!("{} (at byte {} of the record)", what, self.base + self.pos))
    }

    /// A length-delimited field as a cursor of its own.
    fn sub(&mut self, wt: u8, what: &str) -> Result<Wire<'a>> {
        let buf = self.len_delimited(wt, what)?;
        Ok(Wire { buf, pos: 0, base: self.base + self.pos - buf.len() })
    }

    fn done(&self) -> bool {
        self.pos >= self.buf.len()
    }

    fn varint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for i in 0..10 {
            let Some(&b) = self.buf.get(self.pos) else {
                return Err(self.err("varint runs past the end"));
            };
            self.pos += 1;
            v |= ((b & 0x7f) as u64) << (7 * i);
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(self.err("varint longer than 10 bytes"))
    }

    fn tag(&mut self) -> Result<(u32, u8)> {
        let start = self.pos;
        let t = self.varint()?;
        let field = t >> 3;
        let wt = (t & 7) as u8;
        if field == 0 || field > u32::MAX as u64 >> 3 || !matches!(wt, 0 | 1 | 2 | 5) {
            self.pos = start;
            return Err(self.err(&format!("invalid tag {:#x}", t)));
        }
        Ok((field as u32, wt))
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.buf.len() - self.pos < n {
            return Err(self.err(&format!("{} bytes wanted, {} left", n, self.buf.len() - self.pos)));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn len_delimited(&mut self, wt: u8, what: &str) -> Result<&'a [u8]> {
        if wt != 2 {
            return Err(self.err(&format!("{} has wire type {}, expected 2", what, wt)));
        }
        let n = self.varint()?;
        if n > (self.buf.len() - self.pos) as u64 {
            return Err(self.err(&format!("{} of {} bytes runs past the end", what, n)));
        }
        self.take(n as usize)
    }

    fn skip(&mut self, wt: u8) -> Result<()> {
        match wt {
            0 => self.varint().map(|_| ()),
            1 => self.take(8).map(|_| ()),
            2 => self.len_delimited(2, "unknown field").map(|_| ()),
            _ => self.take(4).map(|_| ()),
        }
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_tag(out: &mut Vec<u8>, field: u32, wt: u8) {
    put_varint(out, ((field as u64) << 3) | wt as u64);
}

fn varint_len(v: u64) -> usize {
    (64 - (v | 1).leading_zeros() as usize).div_ceil(7)
}

/// Bytes taken by a length-delimited field (single-byte tag) with a body of `n` bytes.
fn field_len(_field: u32, n: usize) -> usize {
    1 + varint_len(n as u64) + n
}

fn list_len(f: &Feature) -> usize {
    match f {
        Feature::Bytes(vs) => vs.iter().map(|v| field_len(1, v.len())).sum(),
        Feature::Float(vs) if vs.is_empty() => 0,
        Feature::Float(vs) => field_len(1, 4 * vs.len()),
        Feature::Int64(vs) if vs.is_empty() => 0,
        Feature::Int64(vs) => field_len(1, vs.iter().map(|&v| varint_len(v as u64)).sum()),
    }
}

fn feature_len(f: &Feature) -> usize {
    field_len(1, list_len(f))
}

fn features_len(ex: &Example) -> usize {
    ex.features.iter().map(|(k, f)| field_len(1, field_len(1, k.len()) + field_len(2, feature_len(f)))).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_lengths() {
        for v in [0u64, 1, 127, 128, 16383, 16384, u64::MAX, (-1i64) as u64] {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            assert_eq!(b.len(), varint_len(v), "{}", v);
        }
    }
}
