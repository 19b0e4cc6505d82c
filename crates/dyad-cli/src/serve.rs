//! `dyad serve`: the event database over HTTP (a JSON API and the dashboard), read-only unless
//! an ingest token is given.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::Coder;
use dyad_model::{Document, Event, QuoteRecord};
use dyad_run::code_guarded;
use dyad_server::{ArticleCoder, CodedArticle, Config, Ingest};

use crate::dictionaries::DictionaryArgs;
use crate::ingest::open_existing_read_only;
use crate::limits::LimitArgs;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The database file (must exist unless --ingest-token is given).
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Turn on `POST /api/articles`, which then requires `Authorization: Bearer TOKEN`
    /// (the database is opened for writing). `DYAD_INGEST_TOKEN` is read when the flag is
    /// given as `-` (keeps the token out of `ps`).
    #[arg(long, value_name = "TOKEN")]
    pub ingest_token: Option<String>,
    /// Allow this origin (`https://example.org`) to call the API from its pages (CORS).
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// Seconds a request may take before it is answered 408; also the time a client has to
    /// send a request's headers, and an idle connection is kept, before it is closed.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub timeout: u64,
    /// A host name requests may give in `Host` (repeatable). On a loopback address the
    /// server answers to `localhost` and loopback addresses only, unless more are named here
    /// (a page whose name was made to resolve to 127.0.0.1 cannot read it: DNS rebinding); on
    /// another address, Host is checked only when this is given.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// The limits of what the ingest endpoint codes, as `dyad ingest`'s.
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

/// dyad's coder, for the ingest endpoint: the limits and the one coding call of the loop
/// (`dyad ingest`'s).
struct DyadCoder {
    coder: Coder,
    max_article_bytes: usize,
    version: String,
}

impl ArticleCoder for DyadCoder {
    fn cut(&self, doc: &mut Document) -> bool {
        doc.cut_to(self.max_article_bytes)
    }
    fn code(&self, doc: &Document) -> (Vec<Event>, Vec<QuoteRecord>) {
        let c = code_guarded(&self.coder, doc, true);
        (c.events, c.quotes)
    }
    fn code_article(&self, doc: &Document) -> CodedArticle {
        let c = code_guarded(&self.coder, doc, true);
        CodedArticle {
            events: c.events,
            quotes: c.quotes,
            tone: Some(c.tone),
            issues: Some(c.issues),
        }
    }
    fn dict_version(&self) -> String {
        self.version.clone()
    }
}

pub fn run(args: ServeArgs) -> Result<()> {
    let mut config = Config::new(&args.db);
    config.cors_origin = args.cors.clone();
    config.timeout = Duration::from_secs(args.timeout.max(1));
    config.header_timeout = config.timeout;
    config.allowed_hosts = allowed_hosts(args.addr, &args.allow_host);
    // names typed where codes are expected (`actor=Macron`), read with serve's dictionaries
    let dicts = args.dicts.clone();
    config.names = Some(Arc::new(crate::names::CoderNames::new(move || {
        Ok(Coder::new(dicts.load()?))
    })));
    config.report = Some(Arc::new(|cause: &str| {
        eprintln!("dyad serve: internal error: {cause}")
    }));
    match &args.ingest_token {
        Some(token) => {
            let token = if token == "-" {
                std::env::var("DYAD_INGEST_TOKEN")
                    .context("--ingest-token -: DYAD_INGEST_TOKEN is not set")?
            } else {
                token.clone()
            };
            if token.len() < 16 {
                anyhow::bail!("--ingest-token: use at least 16 characters");
            }
            let coder = DyadCoder {
                version: args.dicts.version()?,
                coder: args
                    .limits
                    .sentence
                    .apply(Coder::new(args.dicts.load()?).with_tone_and_themes(true)),
                max_article_bytes: args.limits.article_bytes(),
            };
            config.ingest = Some(Ingest {
                token,
                coder: Arc::new(coder),
            });
        }
        None => {
            // read-only: the file must be there (and a dyad database)
            drop(open_existing_read_only(&args.db)?);
        }
    }
    let router = dyad_server::app(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        if !local.ip().is_loopback() {
            eprintln!(
                "warning: listening on {} which is not a loopback address: anyone who can reach \
                 it can read the database",
                local.ip()
            );
        }
        eprintln!(
            "dyad: serving {} ({}) on http://{local}/",
            args.db.display(),
            if config.ingest.is_some() {
                "ingest on"
            } else {
                "read-only"
            }
        );
        dyad_server::serve(listener, router, config.header_timeout).await?;
        Ok(())
    })
}

/// The `Host` names the server answers to: on a loopback address `localhost`, the loopback
/// addresses and those given; elsewhere those given, or any when none is.
fn allowed_hosts(addr: SocketAddr, given: &[String]) -> Option<Vec<String>> {
    let mut hosts = given.to_vec();
    if addr.ip().is_loopback() {
        hosts.extend(["localhost", "127.0.0.1", "::1"].map(String::from));
        hosts.push(addr.ip().to_string());
    }
    (!hosts.is_empty()).then_some(hosts)
}
