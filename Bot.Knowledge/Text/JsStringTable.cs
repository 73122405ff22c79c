namespace Bot.Knowledge.Text;

/// <summary>
/// Reads opencc-js's dictionary modules: <c>export default "from to|from to|…";</c>.
/// </summary>
internal static class JsStringTable
{
    public static List<(string From, string To)> Read(string path)
    {
        var text = File.ReadAllText(path);
        var start = text.IndexOf('"', StringComparison.Ordinal);
        var end = text.LastIndexOf('"');
        if (start < 0 || end <= start)
        {
            throw new InvalidDataException($"'{path}' is not an opencc-js dictionary module.");
        }

        var pairs = new List<(string, string)>();
        var body = text.AsSpan(start + 1, end - start - 1);
        foreach (var range in body.Split('|'))
        {
            var entry = body[range];
            var space = entry.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var to = entry[(space + 1)..];
            var alternative = to.IndexOf(' ');
            // Where OpenCC lists several targets, the first is the usual one.
            pairs.Add((entry[..space].ToString(), (alternative < 0 ? to : to[..alternative]).ToString()));
        }

        return pairs;
    }
}
