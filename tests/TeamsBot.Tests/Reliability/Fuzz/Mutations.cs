using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Tests.Reliability.Fuzz;

/// <summary>
/// What the fuzz does to a real activity: each mutation changes one part and says what it did (for the report and for
/// shrinking). Missing and wrong-typed fields, lone surrogates (in values and in names), huge strings, deep nesting,
/// odd card values, OData and Markdown injection, odd Unicode, serviceUrls, types and invoke names, long member and
/// entity lists, Teams' channelData in the wrong shape, and damage to the bytes themselves. Replacement strings carry
/// the case's marker, so a row written from one is still traced to its case.
/// </summary>
public static class Mutations
{
    private delegate string? Mutation(Random rng, FuzzDocument doc, int index);

    private static readonly (string Name, int Weight, Mutation Apply)[] All =
    [
        ("remove", 12, Remove),
        ("retype", 12, Retype),
        ("lone surrogate", 8, LoneSurrogate),
        ("lone surrogate in a name", 3, LoneSurrogateInName),
        ("huge string", 6, HugeString),
        ("deep nesting", 4, DeepNesting),
        ("card value", 14, CardValue),
        ("injection", 8, Injection),
        ("unicode", 6, OddUnicode),
        ("serviceUrl", 4, ServiceUrl),
        ("type", 4, ActivityType),
        ("invoke name", 2, InvokeName),
        ("members", 3, Members),
        ("entities", 3, Entities),
        ("channelData", 5, ChannelData),
        ("ids", 5, Ids),
        ("value", 4, Value),
        ("bytes", 4, Bytes),
    ];

    private static readonly int TotalWeight = All.Sum(m => m.Weight);

    /// <summary>Applies one random mutation; returns what it did (null when it found nothing to change).</summary>
    public static string? ApplyOne(Random rng, FuzzDocument doc, int index)
    {
        var roll = rng.Next(TotalWeight);
        foreach (var (name, weight, apply) in All)
        {
            if ((roll -= weight) >= 0) continue;
            return apply(rng, doc, index) is { } what ? $"{name}: {what}" : null;
        }
        return null;
    }

    private static string? Remove(Random rng, FuzzDocument doc, int index)
    {
        var slots = doc.Slots();
        if (slots.Count == 0) return null;
        var slot = ActivityGrammar.Pick(rng, slots);
        var path = FuzzDocument.PathOf(slot);
        FuzzDocument.Remove(slot);
        return path;
    }

    private static string? Retype(Random rng, FuzzDocument doc, int index)
    {
        var slots = doc.Slots();
        if (slots.Count == 0) return null;
        var slot = ActivityGrammar.Pick(rng, slots);
        JsonNode?[] values =
        [
            0, -1, 1.5e308, 12345678901234567890m, true, false, null, "", $"{FuzzMarkers.For(index)}text", new JsonArray(), new JsonObject(),
            new JsonArray((JsonNode?)null), new JsonObject { ["id"] = new JsonObject() }, new JsonArray(1, "a", new JsonObject()),
        ];
        var pick = rng.Next(values.Length);
        FuzzDocument.Set(slot, values[pick]);
        return $"{FuzzDocument.PathOf(slot)} = {Describe(values[pick])}";
    }

    private static string? LoneSurrogate(Random rng, FuzzDocument doc, int index)
    {
        var strings = StringSlots(doc);
        if (strings.Count == 0) return null;
        var slot = ActivityGrammar.Pick(rng, strings);
        var text = slot.Value!.GetValue<string>();
        var at = rng.Next(text.Length + 1);
        if (at > 0 && at < text.Length && char.IsLowSurrogate(text[at])) at--; // never split a pair the text already has
        var escape = ActivityGrammar.Pick(rng, [@"\ud800", @"\udc00", @"\udbff", @"\ud83d", @"\ude00\ud83d"]);
        FuzzDocument.Set(slot, doc.Raw($"\"{Escaped(text[..at])}{escape}{Escaped(text[at..])}\""));
        return $"{FuzzDocument.PathOf(slot)} at {at}: {escape}";
    }

    private static string? LoneSurrogateInName(Random rng, FuzzDocument doc, int index)
    {
        var objects = doc.Slots().Where(s => s.Value is JsonObject { Count: > 0 }).Select(s => (JsonObject)s.Value!).Prepend(doc.Root).ToList();
        var obj = ActivityGrammar.Pick(rng, objects);
        var key = ActivityGrammar.Pick(rng, obj.Select(p => p.Key).ToList());
        if (key.StartsWith('\u0001')) return null;
        var value = obj[key]?.DeepClone();
        obj.Remove(key);
        obj[doc.Raw($"\"{Escaped(key)}\\udc01\"")] = value;
        return $"{obj.GetPath()}.{key}";
    }

    private static string? HugeString(Random rng, FuzzDocument doc, int index)
    {
        var strings = StringSlots(doc);
        if (strings.Count == 0) return null;
        var slot = ActivityGrammar.Pick(rng, strings);
        var length = ActivityGrammar.Pick(rng, [513, 1100, 3000, 20_000, 120_000, 300_000]);
        var marker = FuzzMarkers.For(index);
        FuzzDocument.Set(slot, marker + new string(ActivityGrammar.Pick(rng, ['x', '/', '%', 'æ', '\'']), length - marker.Length));
        return $"{FuzzDocument.PathOf(slot)}: {length} characters";
    }

    private static string? DeepNesting(Random rng, FuzzDocument doc, int index)
    {
        var slots = doc.Slots();
        if (slots.Count == 0) return null;
        var slot = ActivityGrammar.Pick(rng, slots);
        var depth = ActivityGrammar.Pick(rng, [10, 60, 66, 500, 5000]);
        var raw = rng.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        FuzzDocument.Set(slot, doc.Raw(raw));
        return $"{FuzzDocument.PathOf(slot)}: depth {depth}";
    }

    private static readonly (string Field, JsonNode? Value)[] OddCardValues =
    [
        ("planId", new string('p', 20_000)), ("planId", "../../Measures"), ("planId", "x' or PartitionKey ne 'x"), ("planId", "25-juni/../x"),
        ("planId", "%2F"), ("planId", "#?"), ("planId", "\u0000"), ("planId", " "), ("planId", "🚓"), ("planId", 25), ("planId", ""),
        ("measureId", new string('m', 600)), ("measureId", "' or RowKey gt '"), ("measureId", "\u202Eevil"), ("measureId", new JsonArray("a")),
        ("page", -1), ("page", 1e9), ("page", "2"), ("page", 2.5), ("page", null), ("page", int.MaxValue), ("q", new string('q', 600)),
        ("q", "<script>alert(1)</script>"), ("q", ""), ("verb", ""), ("verb", new string('v', 5000)), ("verb", "MEASURE.SHOW"), ("verb", 7),
        ("status", "UnderPlanning,InProgress"), ("status", "1"), ("status", ""), ("status", "Recommended"), ("deadline", "9999-12-31"),
        ("deadline", "0001-01-01"), ("deadline", "2024-13-01"), ("deadline", "i morgen"), ("remark", new string('r', 2001)),
        ("remark", "**[klikk](javascript:alert(1))** <at>Alle</at> {{DATE(2024-01-01T00:00:00Z)}} ${x}"), ("comment", new string('c', 501)),
        ("formId", "not-a-guid"), ("formId", "00000000-0000-0000-0000-000000000000"), ("version", "*"), ("version", ""), ("version", "W/\"x\""),
        ("seenAt", "yesterday"), ("seenAt", "9999-12-31T23:59:59Z"), ("seenAt", 0),
    ];

    private static string? CardValue(Random rng, FuzzDocument doc, int index)
    {
        var data = Child(Child(doc.Root["value"], "action"), "data") as JsonObject ?? doc.Root["value"] as JsonObject;
        if (data is null) return null;
        var (field, value) = OddCardValues[rng.Next(OddCardValues.Length)];
        data[field] = value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 100
            ? FuzzMarkers.For(index) + s[FuzzMarkers.For(index).Length..]
            : value?.DeepClone();
        return $"{field} = {Describe(value)}";
    }

    private static readonly string[] InjectionTexts =
    [
        "status for x' or RowKey ne '", "' or 1 eq 1 or '", "$filter=PartitionKey ne ''", "historikk ' or PartitionKey ne '",
        "**fet** _kursiv_ [lenke](https://evil.example) <script>x</script>", "<at>Alle</at> @everyone", "{{DATE(2024-01-01T00:00:00Z)}}",
        "\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}]", "oppdater ../../etc/passwd", "%00%2F%23", "\\u0000", "&lt;at&gt;",
    ];

    private static string? Injection(Random rng, FuzzDocument doc, int index)
    {
        var strings = StringSlots(doc);
        if (strings.Count == 0) return null;
        var typed = strings.Where(s => s.Key == "text" && s.Parent == doc.Root).ToList();
        var slot = typed.Count > 0 && rng.Next(2) == 0 ? typed[0] : ActivityGrammar.Pick(rng, strings);
        var text = ActivityGrammar.Pick(rng, InjectionTexts);
        FuzzDocument.Set(slot, slot.Key == "text" ? $"{text} {FuzzMarkers.UserText(index)}" : $"{FuzzMarkers.For(index)}{text}");
        return $"{FuzzDocument.PathOf(slot)}: {text}";
    }

    private static readonly string[] OddTexts =
    [
        "a\u200Bb\u200Dc", "\u202Egnp.exe", string.Concat(Enumerable.Repeat("e\u0301", 500)), "🚓🚓👮🏽‍♀️", "\u0000", "\uFFFF\uFFFE", "\uFEFFbom",
        "\u0007\u001B[31mred", "line\nbreak\r\nand\ttab", "\u2028\u2029", "ǅ İ ß ﬃ", "\uD800\uDC00",
    ];

    private static string? OddUnicode(Random rng, FuzzDocument doc, int index)
    {
        var strings = StringSlots(doc);
        if (strings.Count == 0) return null;
        var slot = ActivityGrammar.Pick(rng, strings);
        var odd = ActivityGrammar.Pick(rng, OddTexts);
        FuzzDocument.Set(slot, slot.Key == "text" ? $"{odd} {FuzzMarkers.UserText(index)}" : $"{FuzzMarkers.For(index)}{odd}");
        return $"{FuzzDocument.PathOf(slot)}: U+{string.Join(" U+", odd.Take(4).Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)))}";
    }

    /// <summary>Loopback ones the bot may reply to (nothing listens on port 1), and others it must refuse. Never a routable host.</summary>
    private static readonly JsonNode?[] ServiceUrls =
    [
        "http://127.0.0.1:1/teams/", "http://[::1]:1/", "http://localhost:1/x", "http://0.0.0.0:1/", "https://0.0.0.0/teams/",
        "file:///etc/passwd", "javascript:alert(1)", "", "/relative", "http://", "ftp://127.0.0.1/", null, 42,
    ];

    private static string? ServiceUrl(Random rng, FuzzDocument doc, int index)
    {
        var value = ServiceUrls[rng.Next(ServiceUrls.Length)];
        doc.Root["serviceUrl"] = value?.DeepClone();
        return Describe(value);
    }

    private static string? ActivityType(Random rng, FuzzDocument doc, int index)
    {
        var type = ActivityGrammar.Pick(rng,
            ["message", "invoke", "conversationUpdate", "installationUpdate", "event", "typing", "MESSAGE", "invoke ", "", new string('t', 300), "invokeResponse"]);
        doc.Root["type"] = type;
        return type.Length > 40 ? $"{type.Length} characters" : type;
    }

    private static string? InvokeName(Random rng, FuzzDocument doc, int index)
    {
        var name = ActivityGrammar.Pick(rng, ["adaptiveCard/action", "ADAPTIVECARD/ACTION", "adaptiveCard/action ", "", "task/submit", new string('n', 300)]);
        doc.Root["name"] = name;
        return name.Length > 40 ? $"{name.Length} characters" : name;
    }

    private static string? Members(Random rng, FuzzDocument doc, int index)
    {
        var count = ActivityGrammar.Pick(rng, [0, 1, 999, 1001, 5000]);
        var members = new JsonArray();
        for (var i = 0; i < count; i++) members.Add(new JsonObject { ["id"] = i == count - 1 ? "28:teamsbot" : $"29:{FuzzMarkers.For(index)}{i}" });
        doc.Root[rng.Next(2) == 0 ? "membersAdded" : "membersRemoved"] = members;
        return $"{count} members";
    }

    private static string? Entities(Random rng, FuzzDocument doc, int index)
    {
        var count = ActivityGrammar.Pick(rng, [1, 100, 3000]);
        var entities = new JsonArray();
        for (var i = 0; i < count; i++)
            entities.Add(rng.Next(4) switch
            {
                0 => new JsonObject { ["type"] = "mention", ["text"] = "<at>TeamsBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:teamsbot" } },
                1 => new JsonObject { ["type"] = "mention", ["text"] = null, ["mentioned"] = null },
                2 => new JsonObject { ["type"] = "clientInfo", ["locale"] = "nb-NO", ["timezone"] = "Europe/Oslo" },
                _ => new JsonObject { ["type"] = "mention", ["text"] = new string('<', 50), ["mentioned"] = new JsonObject { ["id"] = "28:teamsbot", ["name"] = 5 } },
            });
        doc.Root["entities"] = entities;
        return $"{count} entities";
    }

    private static string? ChannelData(Random rng, FuzzDocument doc, int index)
    {
        var marker = FuzzMarkers.For(index);
        var (what, value) = rng.Next(9) switch
        {
            0 => ("tenant as a string", (JsonNode?)new JsonObject { ["tenant"] = "11111111-2222-3333-4444-555555555555" }),
            1 => ("tenant.id as an object", new JsonObject { ["tenant"] = new JsonObject { ["id"] = new JsonObject { ["id"] = "x" } } }),
            2 => ("team as an array", new JsonObject { ["team"] = new JsonArray(1) }),
            3 => ("channel id a number", new JsonObject { ["channel"] = new JsonObject { ["id"] = 19 } }),
            4 => ("settings a string", new JsonObject { ["settings"] = "x" }),
            5 => ("eventType a number", new JsonObject { ["eventType"] = 1 }),
            6 => ("an array", new JsonArray()),
            7 => ("another tenant", new JsonObject { ["tenant"] = new JsonObject { ["id"] = $"{marker}-other-tenant" } }),
            _ => ("selectedChannel without id", new JsonObject { ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject() }, ["eventType"] = "teamMemberAdded" }),
        };
        doc.Root["channelData"] = value;
        return what;
    }

    private static string? Ids(Random rng, FuzzDocument doc, int index)
    {
        var marker = FuzzMarkers.For(index);
        var (path, value) = rng.Next(7) switch
        {
            0 => ("conversation.id", (JsonNode?)$"{marker}" + new string('c', 1990)),
            1 => ("conversation.id", $"19:{marker}/#?%\\@thread"),
            2 => ("from.id", ""),
            3 => ("from.aadObjectId", "not-a-guid"),
            4 => ("conversation.conversationType", ActivityGrammar.Pick(rng, ["channel", "groupChat", "personal", "meeting", ""])),
            5 => ("replyToId", ActivityGrammar.Pick(rng, ["", "0", new string('9', 600)])),
            _ => ("locale", ActivityGrammar.Pick(rng, ["", "xx", "en-US", "zz-ZZ-u-ca-buddhist", "../../etc", new string('l', 300)])),
        };
        var parts = path.Split('.');
        var parent = parts.Length == 1 ? doc.Root : doc.Root[parts[0]] as JsonObject;
        if (parent is null) return null;
        parent[parts[^1]] = value;
        return $"{path} = {Describe(value)}";
    }

    private static string? Value(Random rng, FuzzDocument doc, int index)
    {
        JsonNode?[] values = ["a string", 5, new JsonArray(1, 2), null, new JsonObject(), new JsonObject { ["action"] = "Action.Execute" },
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = "measure.show" } }];
        var value = values[rng.Next(values.Length)];
        doc.Root["value"] = value?.DeepClone();
        return Describe(value);
    }

    private static string? Bytes(Random rng, FuzzDocument doc, int index)
    {
        switch (rng.Next(6))
        {
            case 0:
                var fraction = rng.NextDouble();
                doc.EditBytes(b => b[..(int)(b.Length * fraction)]);
                return $"truncated at {fraction:P0}";
            case 1:
                doc.EditBytes(b => [.. b, .. "}{]"u8.ToArray()]);
                return "trailing garbage";
            case 2:
                doc.EditBytes(b => [0xEF, 0xBB, 0xBF, .. b]);
                return "a byte-order mark";
            case 3:
                var at = rng.NextDouble();
                doc.EditBytes(b =>
                {
                    var copy = (byte[])b.Clone();
                    copy[(int)(copy.Length * at)] = 0xFF;
                    return copy;
                });
                return "an invalid UTF-8 byte";
            case 4:
                doc.EditBytes(b => Encoding.UTF8.GetBytes("{\"type\":\"invoke\"," + Encoding.UTF8.GetString(b)[1..]));
                return "a duplicate type key";
            default:
                doc.EditBytes(b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace(",", ",/*c*/", StringComparison.Ordinal)));
                return "comments";
        }
    }

    private static List<(JsonNode Parent, string? Key, int Index, JsonNode? Value)> StringSlots(FuzzDocument doc) =>
        [.. doc.Slots().Where(s => s.Value is JsonValue v && v.TryGetValue<string>(out var text) && !text.StartsWith('\u0001'))];

    private static JsonNode? Child(JsonNode? node, string key) => node is JsonObject obj ? obj[key] : null;

    private static string Escaped(string text) => JsonEncodedText.Encode(text).ToString();

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? $"{text[..40]}… ({text.Length} characters)" : text;
    }
}
