using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.Chat.Memory;

/// <summary>How a parsed query is written where it is kept (the context row, a list card's "show more" data).</summary>
public static class QueryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 8,
    };
}
