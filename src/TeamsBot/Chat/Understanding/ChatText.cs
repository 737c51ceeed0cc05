using System.Globalization;
using System.Text;

namespace TeamsBot.Chat.Understanding;

public static class ChatText
{
    /// <summary>Lower case, words separated by single spaces; punctuation dropped, letters (æøå) and digits kept.</summary>
    public static string Normalize(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            else if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
        }
        return builder.ToString().Trim();
    }
}
