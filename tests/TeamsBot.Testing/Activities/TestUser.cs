using System.Text.Json.Nodes;

namespace TeamsBot.Testing;

/// <summary>A Teams user as activities name them: the Teams id (29:…), a display name and the Entra object id.</summary>
public sealed record TestUser(string Id, string Name, string AadObjectId)
{
    public static readonly TestUser Kari = new("29:user-1", "Kari Nordmann", "11111111-1111-1111-1111-111111111111");
    public static readonly TestUser Ola = new("29:user-2", "Ola Nordmann", "22222222-2222-2222-2222-222222222222");
    public static readonly TestUser Per = new("29:user-3", "Per Hansen", "33333333-3333-3333-3333-333333333333");

    public JsonObject ToJson() => new() { ["id"] = Id, ["name"] = Name, ["aadObjectId"] = AadObjectId };
}
