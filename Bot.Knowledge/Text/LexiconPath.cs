namespace Bot.Knowledge.Text;

internal static class LexiconPath
{
    public static string Require(string directory, string relativePath)
    {
        var path = Path.Combine(directory, relativePath);
        return File.Exists(path) ? path : throw new LexiconMissingException(directory, relativePath);
    }
}
