//! Image decoding (JPEG through zune-jpeg, PNG through png) into 8-bit HWC pixels, and encoding
//! for the converters. Decoders run under `catch_unwind`: a hostile file must give an error, never
//! take down a loader thread.

use std::io::Cursor;

use super::error::{DataError, ErrorKind, Result};

/// 8-bit pixels, row-major, `channels` interleaved (1 = grey, 3 = RGB).
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub width: usize,
    pub height: usize,
    pub channels: usize,
    pub data: Vec<u8>,
}

/// Larger images are refused (decompression bombs); ImageNet's largest is about 5000 px.
pub const MAX_SIDE: usize = 16384;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
}

impl Format {
    /// From the leading magic bytes, whatever `image/format` claims.
    pub fn sniff(b: &[u8]) -> Option<Format> {
        if b.starts_with(&[0xff, 0xd8]) {
            Some(Format::Jpeg)
        } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
        }
    }
}

fn img_err(detail: String) -> DataError {
    DataError::new(ErrorKind::Image, detail)
}

pub fn decode(bytes: &[u8]) -> Result<Image> {
    let fmt = Format::sniff(bytes).ok_or_else(|| img_err("neither JPEG nor PNG magic bytes".into()))?;
    let r = std::panic::catch_unwind(|| match fmt {
        Format::Jpeg => decode_jpeg(bytes),
        Format::Png => decode_png(bytes),
    });
    let img = r.unwrap_or_else(|_| Err(img_err(format!("{} decoder panicked", fmt.name()))))?;
    if img.width == 0 || img.height == 0 || img.data.len() != img.width * img.height * img.channels {
        return Err(img_err(format!("decoded {}x{}x{} with {} bytes", img.width, img.height, img.channels, img.data.len())));
    }
    Ok(img)
}

fn decode_jpeg(bytes: &[u8]) -> Result<Image> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let opts = DecoderOptions::default().set_max_width(MAX_SIDE).set_max_height(MAX_SIDE);
    let mut d = zune_jpeg::JpegDecoder::new_with_options(bytes, opts);
    d.decode_headers().map_err(|e| img_err(format!("JPEG: {}", e)))?;
    let grey = d.get_input_colorspace() == Some(ColorSpace::Luma);
    let out = if grey { ColorSpace::Luma } else { ColorSpace::RGB };
    let mut d = zune_jpeg::JpegDecoder::new_with_options(bytes, opts.jpeg_set_out_colorspace(out));
    let data = d.decode().map_err(|e| img_err(format!("JPEG: {}", e)))?;
    let info = d.info().ok_or_else(|| img_err("JPEG: no header".into()))?;
    Ok(Image { width: info.width as usize, height: info.height as usize, channels: if grey { 1 } else { 3 }, data })
}

fn decode_png(bytes: &[u8]) -> Result<Image> {
    let mut dec = png::Decoder::new(Cursor::new(bytes));
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let mut r = dec.read_info().map_err(|e| img_err(format!("PNG: {}", e)))?;
    let (w, h) = (r.info().width as usize, r.info().height as usize);
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(img_err(format!("PNG of {}x{} is too large", w, h)));
    }
    let size = r.output_buffer_size().ok_or_else(|| img_err("PNG: size overflows".into()))?;
    let mut buf = vec![0; size];
    let info = r.next_frame(&mut buf).map_err(|e| img_err(format!("PNG: {}", e)))?;
    buf.truncate(info.buffer_size());
    let src_c = info.color_type.samples();
    // Alpha is dropped; grey+alpha keeps grey.
    let (channels, data) = match src_c {
        1 | 3 => (src_c, buf),
        2 => (1, buf.chunks_exact(2).map(|p| p[0]).collect()),
        4 => (3, buf.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect()),
        n => return Err(img_err(format!("PNG with {} samples per pixel", n))),
    };
    Ok(Image { width: w, height: h, channels, data })
}

pub fn encode_png(img: &Image) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, img.width as u32, img.height as u32);
        e.set_color(if img.channels == 1 { png::ColorType::Grayscale } else { png::ColorType::Rgb });
        e.set_depth(png::BitDepth::Eight);
        e.set_compression(png::Compression::High);
        let mut w = e.write_header().expect("PNG header to memory");
        w.write_image_data(&img.data).expect("PNG data to memory");
    }
    out
}

pub fn encode_jpeg(img: &Image, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let ct = if img.channels == 1 { jpeg_encoder::ColorType::Luma } else { jpeg_encoder::ColorType::Rgb };
    let mut e = jpeg_encoder::Encoder::new(&mut out, quality);
    // 4:2:0 chroma subsampling at every quality, as libjpeg's cjpeg and most cameras write.
    e.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    e.encode(&img.data, img.width as u16, img.height as u16, ct).expect("JPEG to memory");
    out
}
