//! Locking a backup with a passphrase and opening it again, in the browser's
//! WebCrypto: PBKDF2-SHA256 turns the passphrase and a random salt into an
//! AES-GCM-256 key that never leaves the browser's crypto engine (it is not
//! extractable), and AES-GCM encrypts the whole backup file with a random IV.
//! The domain (domain/sealed.rs) writes and checks the envelope around it.
//!
//! WebCrypto rather than Rust crates: the browser's native code derives the
//! key several times faster on a cheap phone, and costs the pages ~2.4 KB
//! brotli against ~10 KB (../shared/toolchain.md).

use crate::domain::file::sealed::{Sealed, ITERATIONS, IV_BYTES, SALT_BYTES};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// Why a backup could not be locked or opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase is not the one the file was locked with (or the file was
    /// changed in a way its checksum could not tell).
    WrongPassphrase,
    /// This browser offers no WebCrypto here (an old browser, or a page not
    /// served over HTTPS).
    Unavailable,
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    Ok(crypto.subtle())
}

fn random(bytes: usize) -> Result<Vec<u8>, CryptoError> {
    let mut out = vec![0u8; bytes];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut out).ok())
        .ok_or(CryptoError::Unavailable)?;
    Ok(out)
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The AES-GCM key of `passphrase` and `salt`. The passphrase is taken in
/// Unicode's composed form (NFC), so that «mật khẩu» typed on one phone's
/// keyboard opens a file locked on another's, whichever way each composes
/// the marks.
async fn key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let composed = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
    let usages = Array::of1(&"deriveKey".into());
    let material = wait(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(composed.as_bytes()),
        "PBKDF2",
        false,
        &usages,
    ))
    .await
    .map_err(|_| CryptoError::Unavailable)?;
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = wait(subtle.derive_key_with_object_and_object(
        &params,
        &material.into(),
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &usages,
    ))
    .await
    .map_err(|_| CryptoError::Unavailable)?;
    Ok(key.into())
}

/// Locks `plaintext` with `passphrase`, a fresh random salt and IV, and
/// [`ITERATIONS`] rounds of PBKDF2.
pub async fn lock(plaintext: &[u8], passphrase: &str) -> Result<Sealed, CryptoError> {
    lock_with(
        plaintext,
        passphrase,
        random(SALT_BYTES)?,
        random(IV_BYTES)?,
        ITERATIONS,
    )
    .await
}

/// Locks with the salt, IV and iterations given: [`lock`] draws them at
/// random; the known-answer tests give fixed ones.
pub async fn lock_with(
    plaintext: &[u8],
    passphrase: &str,
    salt: Vec<u8>,
    iv: Vec<u8>,
    iterations: u32,
) -> Result<Sealed, CryptoError> {
    let key = key(passphrase, &salt, iterations).await?;
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv.as_slice()));
    let ciphertext = wait(subtle()?.encrypt_with_object_and_u8_array(&params, &key, plaintext))
        .await
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(Sealed {
        salt,
        iv,
        iterations,
        ciphertext: Uint8Array::new(&ciphertext).to_vec(),
    })
}

/// The backup file's bytes inside `sealed`, if `passphrase` is the one it
/// was locked with.
pub async fn open(sealed: &Sealed, passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let key = key(passphrase, &sealed.salt, sealed.iterations).await?;
    let params =
        AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(sealed.iv.as_slice()));
    // AES-GCM's tag fails to match: the passphrase (or the ciphertext) differs.
    let plaintext =
        wait(subtle()?.decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext))
            .await
            .map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(Uint8Array::new(&plaintext).to_vec())
}
