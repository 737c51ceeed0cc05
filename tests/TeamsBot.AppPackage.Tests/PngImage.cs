using System.Buffers.Binary;
using System.IO.Compression;

namespace TeamsBot.AppPackage.Tests;

/// <summary>A minimal PNG reader (8-bit, non-interlaced) so tests can look at sizes and pixels.</summary>
internal sealed record PngImage(int Width, int Height, byte ColorType, byte[] Pixels)
{
    public int Channels => ColorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"color type {ColorType}") };

    public bool HasAlphaChannel => ColorType is 4 or 6;

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var o = (y * Width + x) * Channels;
        return ColorType switch
        {
            6 => (Pixels[o], Pixels[o + 1], Pixels[o + 2], Pixels[o + 3]),
            2 => (Pixels[o], Pixels[o + 1], Pixels[o + 2], 255),
            4 => (Pixels[o], Pixels[o], Pixels[o], Pixels[o + 1]),
            _ => (Pixels[o], Pixels[o], Pixels[o], 255),
        };
    }

    public static PngImage Read(byte[] file)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG");
        }
        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            offset += 12 + length;
        }
        if (bitDepth != 8 || interlace != 0)
        {
            throw new NotSupportedException("only 8-bit non-interlaced PNGs");
        }
        var image = new PngImage(width, height, colorType, []);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        return image with { Pixels = Unfilter(inflated.ToArray(), width, height, image.Channels) };
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[y * (stride + 1) + 1 + x];
                var left = x >= bytesPerPixel ? pixels[y * stride + x - bytesPerPixel] : 0;
                var up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                var upLeft = x >= bytesPerPixel && y > 0 ? pixels[(y - 1) * stride + x - bytesPerPixel] : 0;
                pixels[y * stride + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + left,
                    2 => value + up,
                    3 => value + (left + up) / 2,
                    4 => value + Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
