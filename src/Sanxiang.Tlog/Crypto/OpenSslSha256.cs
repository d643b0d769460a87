using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Sanxiang.Tlog.Crypto;

/// <summary>
/// SHA-256 (FIPS 180-4) through the system's OpenSSL 3 <c>libcrypto.so.3</c>, with one <c>EVP_MD_CTX</c> per thread
/// that is initialised again for every hash instead of created and freed. .NET's one-shot
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> creates and frees a context on each call, which
/// costs several times more than hashing a 65-byte tree node (docs/benchmarks.md, "Full verification"). OpenSSL's
/// own one-shot <c>SHA256()</c> fetches the algorithm on every call in OpenSSL 3 and is no faster. When libcrypto
/// cannot be loaded (another OS, another OpenSSL), <see cref="IsAvailable"/> is false and the caller uses
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
internal static unsafe class OpenSslSha256
{
    private static readonly Api? Native = Api.TryLoad();

    [ThreadStatic]
    private static Context? t_context;

    /// <summary>Whether libcrypto was loaded and SHA-256 fetched from it.</summary>
    public static bool IsAvailable => Native is not null;

    /// <summary>Writes SHA-256(data) into destination (at least 32 bytes). Only when <see cref="IsAvailable"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var api = Native ?? throw new InvalidOperationException("libcrypto is not available");
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashSuite.Size, nameof(destination));
        var ctx = (t_context ??= Context.Create(api)).DangerousGetHandle();
        uint written;
        fixed (byte* input = data)
        fixed (byte* output = destination)
        {
            if (api.DigestInit(ctx, api.Sha256, 0) != 1
                || api.DigestUpdate(ctx, input, (nuint)data.Length) != 1
                || api.DigestFinal(ctx, output, &written) != 1
                || written != HashSuite.Size)
            {
                throw new CryptographicException("libcrypto SHA-256 failed");
            }
        }
    }

    /// <summary>The libcrypto functions used, and the fetched SHA-256 implementation (kept for the process's life).</summary>
    private sealed class Api
    {
        public delegate* unmanaged<nint> CtxNew;
        public delegate* unmanaged<nint, void> CtxFree;
        public delegate* unmanaged<nint, nint, nint, int> DigestInit;
        public delegate* unmanaged<nint, byte*, nuint, int> DigestUpdate;
        public delegate* unmanaged<nint, byte*, uint*, int> DigestFinal;
        public nint Sha256;

        public static Api? TryLoad()
        {
            if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libcrypto.so.3", out var lib))
            {
                return null;
            }

            if (!NativeLibrary.TryGetExport(lib, "EVP_MD_fetch", out var fetch)
                || !NativeLibrary.TryGetExport(lib, "EVP_MD_CTX_new", out var ctxNew)
                || !NativeLibrary.TryGetExport(lib, "EVP_MD_CTX_free", out var ctxFree)
                || !NativeLibrary.TryGetExport(lib, "EVP_DigestInit_ex", out var init)
                || !NativeLibrary.TryGetExport(lib, "EVP_DigestUpdate", out var update)
                || !NativeLibrary.TryGetExport(lib, "EVP_DigestFinal_ex", out var final))
            {
                return null;
            }

            // An explicitly fetched EVP_MD: initialising a context with it does not look the algorithm up again.
            ReadOnlySpan<byte> name = "SHA256\0"u8;
            nint sha256;
            fixed (byte* n = name)
            {
                sha256 = ((delegate* unmanaged<nint, byte*, byte*, nint>)fetch)(0, n, null);
            }

            if (sha256 == 0)
            {
                return null;
            }

            var api = new Api
            {
                CtxNew = (delegate* unmanaged<nint>)ctxNew,
                CtxFree = (delegate* unmanaged<nint, void>)ctxFree,
                DigestInit = (delegate* unmanaged<nint, nint, nint, int>)init,
                DigestUpdate = (delegate* unmanaged<nint, byte*, nuint, int>)update,
                DigestFinal = (delegate* unmanaged<nint, byte*, uint*, int>)final,
                Sha256 = sha256,
            };
            return SelfTest(api) ? api : null;
        }

        /// <summary>FIPS 180-2 Appendix B.1 ("abc"): refuse the native path unless it gives the published digest.</summary>
        private static bool SelfTest(Api api)
        {
            Span<byte> digest = stackalloc byte[HashSuite.Size];
            using var context = Context.Create(api);
            var ctx = context.DangerousGetHandle();
            uint written;
            ReadOnlySpan<byte> abc = "abc"u8;
            fixed (byte* input = abc)
            fixed (byte* output = digest)
            {
                if (api.DigestInit(ctx, api.Sha256, 0) != 1 || api.DigestUpdate(ctx, input, 3) != 1 || api.DigestFinal(ctx, output, &written) != 1)
                {
                    return false;
                }
            }

            return written == HashSuite.Size && Convert.ToHexStringLower(digest) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        }
    }

    /// <summary>An EVP_MD_CTX, freed when its thread's reference goes away.</summary>
    private sealed class Context : SafeHandle
    {
        private readonly Api _api;

        private Context(Api api)
            : base(0, ownsHandle: true) => _api = api;

        public override bool IsInvalid => handle == 0;

        public static Context Create(Api api)
        {
            var context = new Context(api);
            context.SetHandle(api.CtxNew());
            return context.IsInvalid ? throw new CryptographicException("EVP_MD_CTX_new failed") : context;
        }

        protected override bool ReleaseHandle()
        {
            _api.CtxFree(handle);
            return true;
        }
    }
}
