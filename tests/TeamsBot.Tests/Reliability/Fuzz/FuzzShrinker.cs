using System.Text.Json.Nodes;

namespace TeamsBot.Tests.Reliability.Fuzz;

/// <summary>
/// Cuts a failing input down while it still fails the same way: first without the byte edits, then removing one part
/// of the tree at a time (greedy, restarting after each cut), within a bounded number of tries.
/// </summary>
public static class FuzzShrinker
{
    public static async Task<byte[]> ShrinkAsync(FuzzDocument document, string problem, Func<byte[], Task<string?>> judge, int maxTries = 300)
    {
        var tries = 0;
        async Task<bool> StillFails(FuzzDocument candidate) => ++tries <= maxTries && await judge(candidate.Render()) == problem;

        var current = document;
        if (current.HasByteEdits && await StillFails(current.WithoutByteEdits())) current = current.WithoutByteEdits();
        var progress = true;
        while (progress && tries < maxTries)
        {
            progress = false;
            var slots = current.Slots();
            for (var i = 0; i < slots.Count && tries < maxTries; i++)
            {
                var root = (JsonObject)current.Root.DeepClone();
                var candidate = current.With(root);
                var slot = candidate.Slots()[i];
                FuzzDocument.Remove(slot);
                if (!await StillFails(candidate)) continue;
                current = candidate;
                progress = true;
                break;
            }
        }
        return current.Render();
    }
}
