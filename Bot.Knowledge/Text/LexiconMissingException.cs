namespace Bot.Knowledge.Text;

/// <summary>Thrown when the lexicon directory lacks a file the text analysis needs.</summary>
public sealed class LexiconMissingException : Exception
{
    /// <summary>Creates the exception for one missing file.</summary>
    public LexiconMissingException(string directory, string relativePath)
        : base($"Lexicon file '{relativePath}' was not found under '{directory}'. The build copies it from npm " +
               "(Bot.Knowledge/Lexicon.targets runs 'npm ci' in Bot.Knowledge/Lexicon); build the solution, or point " +
               "Knowledge:Search:LexiconDirectory at a directory holding the files.")
    {
        Directory = directory;
        RelativePath = relativePath;
    }

    /// <summary>The directory that was searched.</summary>
    public string Directory { get; }

    /// <summary>The file that is missing, relative to <see cref="Directory"/>.</summary>
    public string RelativePath { get; }
}
