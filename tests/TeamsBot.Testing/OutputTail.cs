namespace TeamsBot.Testing;

/// <summary>The last lines a child process printed (thread-safe), for error messages that say why it failed.</summary>
public sealed class OutputTail(int maxLines)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > maxLines) _lines.Dequeue();
        }
    }

    public override string ToString()
    {
        lock (_gate) return _lines.Count == 0 ? "(none)" : string.Join(Environment.NewLine, _lines);
    }
}
