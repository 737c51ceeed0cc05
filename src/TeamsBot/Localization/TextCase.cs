using System.Globalization;

namespace TeamsBot.Localization;

public static class TextCase
{
    /// <summary>The first letter in upper case: our own words used on their own ("pågående" as a heading).</summary>
    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
