using System.IO.Compression;
using System.Text.Json.Nodes;

namespace TeamsBot.AppPackage.Tests;

public class ManifestSchemaTests
{
    [Fact]
    public void Package_holds_exactly_the_manifest_icons_and_localization_at_its_root()
    {
        using var folder = new TempFolder();
        var zip = folder.File("app.zip");
        var (exitCode, output, error) = PackageBuilder.Run(PackageBuilder.ValidArgs(zip));

        Assert.True(exitCode == 0, error);
        Assert.Contains("app.zip", output);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "en-US.json", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filled_manifest_and_localization_pass_the_official_schemas()
    {
        using var folder = new TempFolder();
        var unpacked = PackageBuilder.BuildAndExtract(folder);

        var (exitCode, results) = await SchemaValidator.ValidateAsync(Path.Combine(unpacked, "manifest.json"), Path.Combine(unpacked, "en-US.json"));

        Assert.All(results, r => Assert.Empty(r.Errors));
        Assert.Equal(0, exitCode);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", results[0].Schema);
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json", results[1].Schema);
    }

    [Fact]
    public void Filled_manifest_carries_the_given_values_and_no_placeholders()
    {
        using var folder = new TempFolder();
        var unpacked = PackageBuilder.BuildAndExtract(folder);
        var text = File.ReadAllText(Path.Combine(unpacked, "manifest.json"));
        var manifest = JsonNode.Parse(text)!;

        Assert.DoesNotContain("${{", text);
        Assert.Equal(PackageBuilder.AppId, (string?)manifest["id"]);
        Assert.Equal(PackageBuilder.BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal(["teamsbot-pod.azurewebsites.net"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("1.30", (string?)manifest["manifestVersion"]);
        Assert.Equal("nb-NO", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        Assert.Equal("TeamsBot – oppfølging av tiltaksplaner", (string?)manifest["name"]!["full"]);
    }

    [Fact]
    public void Bot_is_conversational_in_personal_team_and_group_chat_with_a_command_list_per_scope_and_takes_files()
    {
        using var folder = new TempFolder();
        var unpacked = PackageBuilder.BuildAndExtract(folder);
        var bot = JsonNode.Parse(File.ReadAllText(Path.Combine(unpacked, "manifest.json")))!["bots"]![0]!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool)bot["supportsFiles"]!); // the round export is offered as a file in personal chat (file consent)
        Assert.False((bool)bot["isNotificationOnly"]!);
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(["personal", "team", "groupChat"], lists.Select(l => (string?)l!["scopes"]![0]));
        string[] Titles(int i) => lists[i]!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToArray();
        Assert.Contains("hjelp", Titles(0));
        Assert.Contains("oppdater", Titles(0));
        Assert.Contains("abonner på brief", Titles(1));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains("status", Titles(i)));
    }

    [Fact]
    public void Every_localized_command_string_points_at_a_command_in_the_manifest()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Manifest, "manifest.json")))!;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Manifest, "en-US.json")))!.AsObject();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        var expected = lists
            .SelectMany((list, i) => list!["commands"]!.AsArray().SelectMany((_, j) => new[]
            {
                $"bots[0].commandLists[{i}].commands[{j}].title",
                $"bots[0].commandLists[{i}].commands[{j}].description",
            }))
            .ToHashSet();

        var localized = english.Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal)).ToHashSet();

        Assert.Equal(expected.Order(), localized.Order());
    }

    [Fact]
    public async Task Validator_reports_a_missing_required_field()
    {
        using var folder = new TempFolder();
        var unpacked = PackageBuilder.BuildAndExtract(folder);
        var path = Path.Combine(unpacked, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest.Remove("developer");
        File.WriteAllText(path, manifest.ToJsonString());

        var (exitCode, results) = await SchemaValidator.ValidateAsync(path);

        Assert.Equal(1, exitCode);
        Assert.Contains(results[0].Errors, e => e.Contains("developer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validator_reports_a_bad_bot_id_and_a_broken_localization_file()
    {
        using var folder = new TempFolder();
        var unpacked = PackageBuilder.BuildAndExtract(folder);
        var manifestPath = Path.Combine(unpacked, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        var englishPath = Path.Combine(unpacked, "en-US.json");
        var english = JsonNode.Parse(File.ReadAllText(englishPath))!.AsObject();
        english.Remove("description.full");
        File.WriteAllText(englishPath, english.ToJsonString());

        var (exitCode, results) = await SchemaValidator.ValidateAsync(manifestPath, englishPath);

        Assert.Equal(1, exitCode);
        Assert.Contains(results[0].Errors, e => e.StartsWith("/bots/0/botId", StringComparison.Ordinal));
        Assert.Contains(results[1].Errors, e => e.Contains("description.full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validator_refuses_a_schema_it_does_not_bundle_instead_of_downloading_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("manifest.json");
        File.WriteAllText(path, """{"$schema":"https://example.com/schema.json","manifestVersion":"1.30"}""");

        var (exitCode, results) = await SchemaValidator.ValidateAsync(path);

        Assert.Equal(1, exitCode);
        Assert.Contains("not an official Teams schema", results[0].Errors.Single());
    }
}
