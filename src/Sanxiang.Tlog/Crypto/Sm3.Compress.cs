using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sanxiang.Tlog.Crypto;

/// <summary>The SM3 compression function CF (GB/T 32905-2016 §5.3.2 and §5.3.3).</summary>
public static partial class Sm3
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Rol(uint x, int n) => BitOperations.RotateLeft(x, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);

    /// <summary>Compresses whole 64-byte blocks into the state (GB/T 32905 §5.3).</summary>
    [SkipLocalsInit]
    internal static unsafe void Compress(ref Sm3State state, ReadOnlySpan<byte> blocks)
    {
        var w = stackalloc uint[68];
        fixed (byte* input = blocks)
        {
            for (byte* block = input, end = input + (blocks.Length & ~(BlockSizeInBytes - 1)); block < end; block += BlockSizeInBytes)
            {
                CompressBlock(ref state, block, w);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void CompressBlock(ref Sm3State state, byte* block, uint* w)
    {
        // Message expansion (§5.3.2): W0..W67; W'j = Wj ^ Wj+4 is formed inside the rounds.
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(block + (4 * i)));
        }

        for (uint* x = w + 16; x < w + 68; x += 4)
        {
            x[0] = P1(x[-16] ^ x[-9] ^ BitOperations.RotateLeft(x[-3], 15)) ^ BitOperations.RotateLeft(x[-13], 7) ^ x[-6];
            x[1] = P1(x[-15] ^ x[-8] ^ BitOperations.RotateLeft(x[-2], 15)) ^ BitOperations.RotateLeft(x[-12], 7) ^ x[-5];
            x[2] = P1(x[-14] ^ x[-7] ^ BitOperations.RotateLeft(x[-1], 15)) ^ BitOperations.RotateLeft(x[-11], 7) ^ x[-4];
            x[3] = P1(x[-13] ^ x[-6] ^ BitOperations.RotateLeft(x[0], 15)) ^ BitOperations.RotateLeft(x[-10], 7) ^ x[-3];
        }


        uint a = state.A, b = state.B, c = state.C, d = state.D, e = state.E, f = state.F, g = state.G, h = state.H;
        uint ss1, a12;

        // The 64 rounds of §5.3.3 unrolled, T_j <<< (j mod 32) as constants, registers renamed instead of moved
        // (A→D→C→B, E→H→G→F) so that they are back in place every four rounds; FF/GG change at round 16 (§4.3);
        // majority(x, y, z) is computed as y ^ ((x ^ y) & (y ^ z)). Volatile.Read (a plain load on x64)
        // keeps the JIT from caching each W word in a spilled temporary between its two uses, four rounds apart.
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x79cc4519, 7); d = (a ^ b ^ c) + d + (ss1 ^ a12) + (Volatile.Read(ref w[0]) ^ Volatile.Read(ref w[4]));
        h = P0((e ^ f ^ g) + h + ss1 + Volatile.Read(ref w[0])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0xf3988a32, 7); c = (d ^ a ^ b) + c + (ss1 ^ a12) + (Volatile.Read(ref w[1]) ^ Volatile.Read(ref w[5]));
        g = P0((h ^ e ^ f) + g + ss1 + Volatile.Read(ref w[1])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0xe7311465, 7); b = (c ^ d ^ a) + b + (ss1 ^ a12) + (Volatile.Read(ref w[2]) ^ Volatile.Read(ref w[6]));
        f = P0((g ^ h ^ e) + f + ss1 + Volatile.Read(ref w[2])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xce6228cb, 7); a = (b ^ c ^ d) + a + (ss1 ^ a12) + (Volatile.Read(ref w[3]) ^ Volatile.Read(ref w[7]));
        e = P0((f ^ g ^ h) + e + ss1 + Volatile.Read(ref w[3])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x9cc45197, 7); d = (a ^ b ^ c) + d + (ss1 ^ a12) + (Volatile.Read(ref w[4]) ^ Volatile.Read(ref w[8]));
        h = P0((e ^ f ^ g) + h + ss1 + Volatile.Read(ref w[4])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x3988a32f, 7); c = (d ^ a ^ b) + c + (ss1 ^ a12) + (Volatile.Read(ref w[5]) ^ Volatile.Read(ref w[9]));
        g = P0((h ^ e ^ f) + g + ss1 + Volatile.Read(ref w[5])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x7311465e, 7); b = (c ^ d ^ a) + b + (ss1 ^ a12) + (Volatile.Read(ref w[6]) ^ Volatile.Read(ref w[10]));
        f = P0((g ^ h ^ e) + f + ss1 + Volatile.Read(ref w[6])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xe6228cbc, 7); a = (b ^ c ^ d) + a + (ss1 ^ a12) + (Volatile.Read(ref w[7]) ^ Volatile.Read(ref w[11]));
        e = P0((f ^ g ^ h) + e + ss1 + Volatile.Read(ref w[7])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0xcc451979, 7); d = (a ^ b ^ c) + d + (ss1 ^ a12) + (Volatile.Read(ref w[8]) ^ Volatile.Read(ref w[12]));
        h = P0((e ^ f ^ g) + h + ss1 + Volatile.Read(ref w[8])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x988a32f3, 7); c = (d ^ a ^ b) + c + (ss1 ^ a12) + (Volatile.Read(ref w[9]) ^ Volatile.Read(ref w[13]));
        g = P0((h ^ e ^ f) + g + ss1 + Volatile.Read(ref w[9])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x311465e7, 7); b = (c ^ d ^ a) + b + (ss1 ^ a12) + (Volatile.Read(ref w[10]) ^ Volatile.Read(ref w[14]));
        f = P0((g ^ h ^ e) + f + ss1 + Volatile.Read(ref w[10])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x6228cbce, 7); a = (b ^ c ^ d) + a + (ss1 ^ a12) + (Volatile.Read(ref w[11]) ^ Volatile.Read(ref w[15]));
        e = P0((f ^ g ^ h) + e + ss1 + Volatile.Read(ref w[11])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0xc451979c, 7); d = (a ^ b ^ c) + d + (ss1 ^ a12) + (Volatile.Read(ref w[12]) ^ Volatile.Read(ref w[16]));
        h = P0((e ^ f ^ g) + h + ss1 + Volatile.Read(ref w[12])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x88a32f39, 7); c = (d ^ a ^ b) + c + (ss1 ^ a12) + (Volatile.Read(ref w[13]) ^ Volatile.Read(ref w[17]));
        g = P0((h ^ e ^ f) + g + ss1 + Volatile.Read(ref w[13])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x11465e73, 7); b = (c ^ d ^ a) + b + (ss1 ^ a12) + (Volatile.Read(ref w[14]) ^ Volatile.Read(ref w[18]));
        f = P0((g ^ h ^ e) + f + ss1 + Volatile.Read(ref w[14])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x228cbce6, 7); a = (b ^ c ^ d) + a + (ss1 ^ a12) + (Volatile.Read(ref w[15]) ^ Volatile.Read(ref w[19]));
        e = P0((f ^ g ^ h) + e + ss1 + Volatile.Read(ref w[15])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x9d8a7a87, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[16]) ^ Volatile.Read(ref w[20]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[16])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x3b14f50f, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[17]) ^ Volatile.Read(ref w[21]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[17])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x7629ea1e, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[18]) ^ Volatile.Read(ref w[22]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[18])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xec53d43c, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[19]) ^ Volatile.Read(ref w[23]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[19])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0xd8a7a879, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[20]) ^ Volatile.Read(ref w[24]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[20])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0xb14f50f3, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[21]) ^ Volatile.Read(ref w[25]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[21])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x629ea1e7, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[22]) ^ Volatile.Read(ref w[26]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[22])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xc53d43ce, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[23]) ^ Volatile.Read(ref w[27]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[23])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x8a7a879d, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[24]) ^ Volatile.Read(ref w[28]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[24])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x14f50f3b, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[25]) ^ Volatile.Read(ref w[29]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[25])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x29ea1e76, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[26]) ^ Volatile.Read(ref w[30]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[26])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x53d43cec, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[27]) ^ Volatile.Read(ref w[31]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[27])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0xa7a879d8, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[28]) ^ Volatile.Read(ref w[32]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[28])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x4f50f3b1, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[29]) ^ Volatile.Read(ref w[33]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[29])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x9ea1e762, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[30]) ^ Volatile.Read(ref w[34]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[30])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x3d43cec5, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[31]) ^ Volatile.Read(ref w[35]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[31])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x7a879d8a, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[32]) ^ Volatile.Read(ref w[36]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[32])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0xf50f3b14, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[33]) ^ Volatile.Read(ref w[37]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[33])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0xea1e7629, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[34]) ^ Volatile.Read(ref w[38]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[34])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xd43cec53, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[35]) ^ Volatile.Read(ref w[39]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[35])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0xa879d8a7, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[36]) ^ Volatile.Read(ref w[40]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[36])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x50f3b14f, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[37]) ^ Volatile.Read(ref w[41]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[37])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0xa1e7629e, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[38]) ^ Volatile.Read(ref w[42]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[38])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x43cec53d, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[39]) ^ Volatile.Read(ref w[43]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[39])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x879d8a7a, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[40]) ^ Volatile.Read(ref w[44]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[40])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x0f3b14f5, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[41]) ^ Volatile.Read(ref w[45]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[41])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x1e7629ea, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[42]) ^ Volatile.Read(ref w[46]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[42])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x3cec53d4, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[43]) ^ Volatile.Read(ref w[47]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[43])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x79d8a7a8, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[44]) ^ Volatile.Read(ref w[48]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[44])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0xf3b14f50, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[45]) ^ Volatile.Read(ref w[49]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[45])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0xe7629ea1, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[46]) ^ Volatile.Read(ref w[50]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[46])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xcec53d43, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[47]) ^ Volatile.Read(ref w[51]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[47])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x9d8a7a87, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[48]) ^ Volatile.Read(ref w[52]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[48])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x3b14f50f, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[49]) ^ Volatile.Read(ref w[53]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[49])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x7629ea1e, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[50]) ^ Volatile.Read(ref w[54]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[50])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xec53d43c, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[51]) ^ Volatile.Read(ref w[55]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[51])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0xd8a7a879, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[52]) ^ Volatile.Read(ref w[56]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[52])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0xb14f50f3, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[53]) ^ Volatile.Read(ref w[57]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[53])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x629ea1e7, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[54]) ^ Volatile.Read(ref w[58]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[54])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0xc53d43ce, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[55]) ^ Volatile.Read(ref w[59]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[55])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0x8a7a879d, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[56]) ^ Volatile.Read(ref w[60]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[56])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x14f50f3b, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[57]) ^ Volatile.Read(ref w[61]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[57])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x29ea1e76, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[58]) ^ Volatile.Read(ref w[62]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[58])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x53d43cec, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[59]) ^ Volatile.Read(ref w[63]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[59])); c = Rol(c, 9); g = Rol(g, 19);
        a12 = Rol(a, 12); ss1 = Rol(a12 + e + 0xa7a879d8, 7); d = (b ^ ((a ^ b) & (b ^ c))) + d + (ss1 ^ a12) + (Volatile.Read(ref w[60]) ^ Volatile.Read(ref w[64]));
        h = P0((((f ^ g) & e) ^ g) + h + ss1 + Volatile.Read(ref w[60])); b = Rol(b, 9); f = Rol(f, 19);
        a12 = Rol(d, 12); ss1 = Rol(a12 + h + 0x4f50f3b1, 7); c = (a ^ ((d ^ a) & (a ^ b))) + c + (ss1 ^ a12) + (Volatile.Read(ref w[61]) ^ Volatile.Read(ref w[65]));
        g = P0((((e ^ f) & h) ^ f) + g + ss1 + Volatile.Read(ref w[61])); a = Rol(a, 9); e = Rol(e, 19);
        a12 = Rol(c, 12); ss1 = Rol(a12 + g + 0x9ea1e762, 7); b = (d ^ ((c ^ d) & (d ^ a))) + b + (ss1 ^ a12) + (Volatile.Read(ref w[62]) ^ Volatile.Read(ref w[66]));
        f = P0((((h ^ e) & g) ^ e) + f + ss1 + Volatile.Read(ref w[62])); d = Rol(d, 9); h = Rol(h, 19);
        a12 = Rol(b, 12); ss1 = Rol(a12 + f + 0x3d43cec5, 7); a = (c ^ ((b ^ c) & (c ^ d))) + a + (ss1 ^ a12) + (Volatile.Read(ref w[63]) ^ Volatile.Read(ref w[67]));
        e = P0((((g ^ h) & f) ^ h) + e + ss1 + Volatile.Read(ref w[63])); c = Rol(c, 9); g = Rol(g, 19);
        state.A ^= a; state.B ^= b; state.C ^= c; state.D ^= d;
        state.E ^= e; state.F ^= f; state.G ^= g; state.H ^= h;
    }
}
