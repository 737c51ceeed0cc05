using Azure;

namespace TeamsBot.Tables.Internal;

/// <summary>A NullableResponse without a value (the entity was not found).</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T? Value => default;

    public override Response GetRawResponse() => response;
}
