namespace TeamsBot.Localization;

/// <summary>The two languages the bot speaks and plans are written in. Stored by name (e.g. a brief's language).</summary>
public enum UserLanguage
{
    Bokmal,
    English,
}

public static class UserLanguages
{
    /// <summary>
    /// English for an "en" or "en-*" tag (a Teams client's locale, a plan file's language), bokmål for everything else
    /// (the organisation's language).
    /// </summary>
    public static UserLanguage FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? UserLanguage.English : UserLanguage.Bokmal;

    /// <summary>The BCP 47 tag: a card's "lang".</summary>
    public static string Code(this UserLanguage language) => language == UserLanguage.English ? "en" : "nb";

    /// <summary>Quoted as the language writes it: «…» in Norwegian, "…" in English.</summary>
    public static string Quote(this UserLanguage language, string text) =>
        language == UserLanguage.English ? $"\"{text}\"" : $"«{text}»";
}
