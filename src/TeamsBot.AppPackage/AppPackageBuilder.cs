using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.AppPackage;

/// <summary>Writes the Teams app package: manifest.json, the icons and the localization files, all at the zip's root.</summary>
public static class AppPackageBuilder
{
    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        // Keep æøå and "–" readable in the package; the manifest is UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<string> Build(PackageRequest request)
    {
        var values = new Dictionary<string, string>
        {
            ["APP_ID"] = request.AppId.ToString("D"),
            ["BOT_ID"] = request.BotId.ToString("D"),
            ["VERSION"] = request.Version,
            ["DOMAIN"] = request.Domain,
        };

        var entries = new List<(string Name, byte[] Content)>();
        var manifest = ManifestTemplate.Fill(ReadJson(request.TemplateDirectory, "manifest.json"), values);
        entries.Add(("manifest.json", Serialize(manifest)));

        foreach (var icon in new[] { manifest["icons"]?["color"], manifest["icons"]?["outline"] })
        {
            var name = icon?.GetValue<string>() ?? throw new InvalidOperationException("manifest.json must name icons.color and icons.outline.");
            entries.Add((name, File.ReadAllBytes(TemplateFile(request.TemplateDirectory, name))));
        }

        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            var name = language?["file"]?.GetValue<string>() ?? throw new InvalidOperationException("Each additional language needs a file.");
            entries.Add((name, Serialize(ManifestTemplate.Fill(ReadJson(request.TemplateDirectory, name), values))));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(request.OutputPath)!);
        // Write beside the target and move, so a failed run never leaves half a zip under the final name.
        var temporary = request.OutputPath + ".tmp";
        try
        {
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                foreach (var (name, content) in entries)
                {
                    using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                    stream.Write(content);
                }
            }
            File.Move(temporary, request.OutputPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return entries.Select(e => e.Name).ToList();
    }

    private static JsonNode ReadJson(string directory, string name) =>
        JsonNode.Parse(File.ReadAllText(TemplateFile(directory, name)))
        ?? throw new InvalidOperationException($"{name} is empty.");

    // Files named by the manifest must sit in the template folder itself (Teams wants them at the zip root).
    private static string TemplateFile(string directory, string name)
    {
        if (name != Path.GetFileName(name))
        {
            throw new InvalidOperationException($"'{name}' must be a plain file name: Teams reads package files from the zip root.");
        }
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The template folder {directory} has no {name}.", path);
    }

    private static byte[] Serialize(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Output));
}
