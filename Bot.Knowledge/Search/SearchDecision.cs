namespace Bot.Knowledge.Search;

/// <summary>What the assistant should do with a query.</summary>
public enum SearchDecision
{
    /// <summary>One document fits confidently: answer with it.</summary>
    Answer,

    /// <summary>A few documents fit about equally: ask which one is meant.</summary>
    Clarify,

    /// <summary>Nothing in the catalogue fits: say so, offer a human.</summary>
    None,
}
