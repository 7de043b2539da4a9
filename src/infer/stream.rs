//! Layer-by-layer inference (the paper's Appendix B): only one block's weights need to be on the
//! device at a time, which suits deep narrow models whose blocks are small.
//!
//! Three programs are compiled once: the embeddings, one block (reused for every layer, its
//! weights passed as arguments), and the head. A loader thread moves layer `l + 1`'s weights to
//! the device while layer `l` runs and then waits to hand them over (a rendezvous channel), so
//! at most two layers' weights are resident: the one running and the next.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{anyhow, Context, Result};

use crate::checkpoint::Tensors;
use crate::config::VitConfig;
use crate::graph::{DType, Function, Graph};
use crate::models::vit;
use crate::program::{Args, Compile, Compiled};
use crate::runtime::{Buffer, Client, CompileOptions, HostTensor};
use crate::weights::host::host_params;
use crate::weights::{ParamSpec, Params, Vars};

/// What a streamed forward produced and what it held on the device.
pub struct Streamed {
    pub logits: HostTensor,
    /// The embeddings then every block's output tokens, `[B, T, D]` each.
    pub hidden: Vec<HostTensor>,
    /// Most weight bytes resident on the device at once.
    pub peak_weight_bytes: usize,
    /// All weight bytes (what the whole-model program keeps resident).
    pub total_weight_bytes: usize,
    pub compile_seconds: f64,
    pub run_seconds: f64,
}

/// Weight bytes on the device, and the most ever.
#[derive(Default)]
struct Resident {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl Resident {
    fn add(&self, n: usize) {
        let now = self.now.fetch_add(n, Ordering::SeqCst) + n;
        self.peak.fetch_max(now, Ordering::SeqCst);
    }
    fn sub(&self, n: usize) {
        self.now.fetch_sub(n, Ordering::SeqCst);
    }
}

fn bytes(h: &[HostTensor]) -> usize {
    h.iter().map(|t| t.data.len()).sum()
}

/// The one output of each streamed program.
const OUTPUT: &str = "y";

/// A program over `specs` (declared in order) then `inputs`, from `body`; its result is `OUTPUT`.
fn compile(
    client: &Client,
    opts: &CompileOptions,
    name: &str,
    specs: &[ParamSpec],
    inputs: &[(&str, Vec<i64>)],
    body: impl FnOnce(&Params, &[crate::graph::Tensor]) -> crate::graph::TraceResult<crate::graph::Tensor>,
) -> Result<Compiled> {
    let g = Graph::new(name);
    let p = Params::declare(&g, specs, DType::F32);
    let x: Vec<_> = inputs.iter().map(|(n, d)| g.param(n, d, DType::F32)).collect();
    let out = body(&p, &x).with_context(|| format!("tracing `{}`", name))?;
    Function::named(&g, &[(OUTPUT, out)])?.lower().compile(client, opts)
}

/// Lends `weights` to the inputs named by `specs`.
fn lend<'a>(args: &mut Args<'a>, specs: &[ParamSpec], weights: &'a [Buffer]) -> Result<()> {
    for (s, w) in specs.iter().zip(weights) {
        args.borrow(&s.name, w)?;
    }
    Ok(())
}

/// The three compiled programs of a streamed ViT forward, for one batch shape.
pub struct VitStream {
    config: VitConfig,
    fixed: Vec<ParamSpec>,
    stacked: Vec<ParamSpec>,
    embed: Compiled,
    block: Compiled,
    head: Compiled,
    pub compile_seconds: f64,
}

impl VitStream {
    /// Compiles the embeddings, one block and the head for images of shape `image_dims`.
    pub fn compile(client: &Client, opts: &CompileOptions, c: &VitConfig, image_dims: &[i64]) -> Result<VitStream> {
        let t0 = Instant::now();
        let (stacked, fixed): (Vec<ParamSpec>, Vec<ParamSpec>) = vit::param_specs(c).into_iter().partition(|s| s.layers().is_some());
        let bc = vit::block_config(c);
        let tokens = vec![image_dims[0], c.tokens() as i64, c.encoder.width as i64];
        let embed = compile(client, opts, "stream_embed", &fixed, &[("images", image_dims.to_vec())], |p, x| vit::embed(c, p, &x[0]))?;
        let block = compile(client, opts, "stream_block", &vit::layer_specs(c, 0), &[("x", tokens.clone())], |p, x| {
            crate::nn::block::block(&x[0], &vit::layer(&Vars::bind(p), c, 0)?, &bc, None)
        })?;
        let head = compile(client, opts, "stream_head", &fixed, &[("x", tokens)], |p, x| vit::head(c, p, &x[0], None))?;
        Ok(VitStream { config: c.clone(), fixed, stacked, embed, block, head, compile_seconds: t0.elapsed().as_secs_f64() })
    }

    /// One forward over `images`; `weights` by timm's names. A loader thread reads and moves
    /// layer `l + 1` while layer `l` runs.
    pub fn run(&self, client: &Client, weights: &Tensors, images: &HostTensor) -> Result<Streamed> {
        let depth = self.config.encoder.depth;
        // Every parameter is an f32 on the device.
        let total_weight_bytes = self.fixed.iter().chain(&self.stacked).map(|s| s.shape.iter().product::<i64>() as usize * 4).sum();
        let t0 = Instant::now();
        let resident = Arc::new(Resident::default());
        let fixed_host = host_params(&self.fixed, weights, &[], true)?;
        let fixed_dev = fixed_host.iter().map(|h| client.to_device(h, 0).map_err(Into::into)).collect::<Result<Vec<_>>>()?;
        resident.add(bytes(&fixed_host));
        let mut args = self.embed.args();
        lend(&mut args, &self.fixed, &fixed_dev)?;
        args.host("images", images)?;
        let mut x = self.embed.run(args)?.take(OUTPUT)?;
        // The block program's inputs carry layer 0's names; every layer's weights bind to them.
        let block_inputs = vit::layer_specs(&self.config, 0);
        let mut hidden = vec![x.to_host()?];
        std::thread::scope(|scope| -> Result<()> {
            let (tx, rx) = sync_channel::<Result<(Vec<Buffer>, usize)>>(0);
            let loader = {
                let (config, resident, client) = (&self.config, resident.clone(), client.clone());
                scope.spawn(move || {
                    for l in 0..depth {
                        let layer = host_params(&vit::layer_specs(config, l), weights, &[], true).and_then(|hs| {
                            let v = hs.iter().map(|h| client.to_device(h, 0).map_err(Into::into)).collect::<Result<Vec<_>>>()?;
                            resident.add(bytes(&hs));
                            Ok((v, bytes(&hs)))
                        });
                        if tx.send(layer).is_err() {
                            return; // the runner stopped on an error
                        }
                    }
                })
            };
            for l in 0..depth {
                let (w, n) = rx.recv().map_err(|_| anyhow!("the weight loader stopped before layer {}", l))??;
                let mut args = self.block.args();
                lend(&mut args, &block_inputs, &w)?;
                args.borrow("x", &x)?;
                let y = self.block.run(args)?.take(OUTPUT)?;
                hidden.push(y.to_host()?);
                drop(w);
                resident.sub(n);
                x = y;
            }
            drop(rx);
            loader.join().map_err(|_| anyhow!("the weight loader panicked"))
        })?;
        let mut args = self.head.args();
        lend(&mut args, &self.fixed, &fixed_dev)?;
        args.borrow("x", &x)?;
        let logits = self.head.run(args)?.take(OUTPUT)?.to_host()?;
        Ok(Streamed {
            logits,
            hidden,
            peak_weight_bytes: resident.peak.load(Ordering::SeqCst),
            total_weight_bytes,
            compile_seconds: self.compile_seconds,
            run_seconds: t0.elapsed().as_secs_f64(),
        })
    }
}
