using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bot.Knowledge.Seed;

/// <summary>Remembers where the last successfully parsed YAML event ended, to locate errors the scanner reports without a position.</summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public int LastLine { get; private set; } = 1;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current) LastLine = (int)current.End.Line;
        return moved;
    }
}
