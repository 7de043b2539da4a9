//! NumPy `.npy` files (format versions 1 to 3) holding one C-order, little-endian array of
//! f32, f64, i32 or i64: the common case of `np.save`, without a NumPy dependency.

use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};

use crate::checkpoint::{Dtype, TensorData};

const MAGIC: &[u8] = b"\x93NUMPY";

/// Reads one array; errors name the file.
pub fn read_npy(path: &Path) -> Result<TensorData> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    parse_npy(&bytes).with_context(|| format!("{}: not a supported .npy file", path.display()))
}

/// Parses a whole `.npy` file's bytes.
pub fn parse_npy(bytes: &[u8]) -> Result<TensorData> {
    let (header, data) = split_header(bytes)?;
    let dtype = dtype(field(header, "descr")?)?;
    if field(header, "fortran_order")? != "False" {
        bail!("fortran_order is True: save a C-order array (np.ascontiguousarray)");
    }
    let shape = shape(field(header, "shape")?)?;
    TensorData::new(dtype, shape, data.to_vec()).context("data does not match the header")
}

/// The header text and the data after it. Versions 2 and 3 widen the length field to 4 bytes.
fn split_header(b: &[u8]) -> Result<(&str, &[u8])> {
    if b.len() < 10 || &b[..6] != MAGIC {
        bail!("no \\x93NUMPY magic at the start");
    }
    let (len, start) = match b[6] {
        1 => (u16::from_le_bytes([b[8], b[9]]) as usize, 10usize),
        2 | 3 if b.len() >= 12 => (u32::from_le_bytes([b[8], b[9], b[10], b[11]]) as usize, 12),
        v => bail!("format version {v} is not supported (1, 2, 3 are)"),
    };
    let end = start.checked_add(len).filter(|&e| e <= b.len()).context("header runs past the end of the file")?;
    let header = std::str::from_utf8(&b[start..end]).map_err(|_| anyhow!("header is not text"))?;
    Ok((header, &b[end..]))
}

/// The raw text of `key`'s value in the header's Python dict literal.
fn field<'a>(header: &'a str, key: &str) -> Result<&'a str> {
    let quoted = format!("'{key}'");
    let at = header.find(&quoted).with_context(|| format!("header has no `{key}`"))? + quoted.len();
    let rest = header[at..].trim_start().strip_prefix(':').with_context(|| format!("no `:` after `{key}`"))?.trim_start();
    let end = match rest.as_bytes().first() {
        Some(b'\'') => rest[1..].find('\'').map(|i| i + 2),
        Some(b'(') => rest.find(')').map(|i| i + 1),
        _ => rest.find([',', '}']),
    };
    end.map(|e| rest[..e].trim()).with_context(|| format!("`{key}` has no end"))
}

fn dtype(descr: &str) -> Result<Dtype> {
    match descr.trim_matches('\'') {
        "<f4" => Ok(Dtype::F32),
        "<f8" => Ok(Dtype::F64),
        "<i4" => Ok(Dtype::I32),
        "<i8" => Ok(Dtype::I64),
        d if d.starts_with('>') => bail!("dtype {d} is big-endian: save with dtype.newbyteorder('<')"),
        d => bail!("dtype {d} is not supported (<f4, <f8, <i4, <i8 are)"),
    }
}

/// `()`, `(5,)` or `(2, 3)`.
fn shape(text: &str) -> Result<Vec<usize>> {
    let inner = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')).with_context(|| format!("shape {text} is not a tuple"))?;
    inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_err(|_| anyhow!("shape {text}: `{s}` is not a size")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version-1 file as `np.save` writes it (header padded to 64 bytes, ending in newline).
    fn npy(descr: &str, fortran: &str, shape: &str, data: &[u8]) -> Vec<u8> {
        let mut h = format!("{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shape}, }}");
        while (h.len() + 11) % 64 != 0 {
            h.push(' ');
        }
        h.push('\n');
        let mut b = MAGIC.to_vec();
        b.extend([1, 0]);
        b.extend((h.len() as u16).to_le_bytes());
        b.extend(h.as_bytes());
        b.extend(data);
        b
    }

    #[test]
    fn reads_each_dtype_and_shape() {
        let f: Vec<u8> = [1.5f32, -2.0, 3.0, 4.0, 5.0, 6.0].iter().flat_map(|v| v.to_le_bytes()).collect();
        let t = parse_npy(&npy("<f4", "False", "(2, 3)", &f)).unwrap();
        assert_eq!((t.dtype, t.shape.clone()), (Dtype::F32, vec![2, 3]));
        assert_eq!(t.to_f32()[..2], [1.5, -2.0]);
        let i: Vec<u8> = [7i64, -1].iter().flat_map(|v| v.to_le_bytes()).collect();
        let t = parse_npy(&npy("<i8", "False", "(2,)", &i)).unwrap();
        assert_eq!(t.to_i64(), Some(vec![7, -1]));
        let t = parse_npy(&npy("<f8", "False", "()", &2.5f64.to_le_bytes())).unwrap();
        assert_eq!((t.shape.len(), t.to_f32()), (0, vec![2.5]));
        let t = parse_npy(&npy("<i4", "False", "(1, 1)", &9i32.to_le_bytes())).unwrap();
        assert_eq!(t.to_i64(), Some(vec![9]));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let four = [0u8; 16];
        let e = format!("{:#}", parse_npy(&npy("<f4", "True", "(2, 2)", &four)).unwrap_err());
        assert!(e.contains("fortran_order"), "{e}");
        let e = format!("{:#}", parse_npy(&npy(">f4", "False", "(2, 2)", &four)).unwrap_err());
        assert!(e.contains("big-endian"), "{e}");
        let e = format!("{:#}", parse_npy(&npy("<u2", "False", "(8,)", &four)).unwrap_err());
        assert!(e.contains("<u2"), "{e}");
        let e = format!("{:#}", parse_npy(&npy("<f4", "False", "(2, 3)", &four)).unwrap_err());
        assert!(e.contains("needs 24"), "{e}");
        assert!(parse_npy(b"PK\x03\x04 not numpy").unwrap_err().to_string().contains("magic"));
    }
}
