namespace TeamsBot.Chat.Search;

/// <summary>Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours).</summary>
public static class EditDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it is sure to exceed <paramref name="max"/>.</summary>
    public static int Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var width = b.Length + 1;
        var buffer = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var twoBack = buffer[..width];
        var previous = buffer.Slice(width, width);
        var current = buffer.Slice(width * 2, width);
        for (var j = 0; j < width; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, twoBack[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            // Rotate the three rows.
            var spare = twoBack;
            twoBack = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[b.Length], max + 1);
    }
}
