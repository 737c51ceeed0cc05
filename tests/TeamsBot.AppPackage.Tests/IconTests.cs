using System.Diagnostics;

namespace TeamsBot.AppPackage.Tests;

public class IconTests
{
    private static PngImage ReadIcon(string name)
    {
        using var folder = new TempFolder();
        var unpacked = PackageBuilder.BuildAndExtract(folder);
        return PngImage.Read(File.ReadAllBytes(Path.Combine(unpacked, name)));
    }

    [Fact]
    public void Color_icon_is_192_by_192()
    {
        var icon = ReadIcon("color.png");

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        var centre = icon.Pixel(20, 96);
        Assert.Equal(255, centre.A);
    }

    [Fact]
    public void Outline_icon_is_32_by_32_white_on_a_transparent_background()
    {
        var icon = ReadIcon("outline.png");

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel, $"colour type {icon.ColorType} has no alpha channel");
        foreach (var (x, y) in new[] { (0, 0), (31, 0), (0, 31), (31, 31), (16, 1) })
        {
            Assert.Equal(0, icon.Pixel(x, y).A);
        }
        var visible = Enumerable.Range(0, 32 * 32).Select(i => icon.Pixel(i % 32, i / 32)).Where(p => p.A > 0).ToList();
        Assert.NotEmpty(visible);
        Assert.All(visible, p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.True(visible.Count < 32 * 32 / 2, "most of the outline icon should be transparent");
    }

    [Fact]
    public async Task Committed_icons_are_what_the_icon_script_draws()
    {
        using var folder = new TempFolder();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Manifest, "make-icons.mjs"));
        start.ArgumentList.Add(folder.Path);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());

        foreach (var name in new[] { "color.png", "outline.png" })
        {
            var committed = PngImage.Read(File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, name)));
            var drawn = PngImage.Read(File.ReadAllBytes(folder.File(name)));
            Assert.Equal((committed.Width, committed.Height, committed.ColorType), (drawn.Width, drawn.Height, drawn.ColorType));
            Assert.True(committed.Pixels.AsSpan().SequenceEqual(drawn.Pixels), $"{name} differs from what make-icons.mjs draws");
        }
    }
}
