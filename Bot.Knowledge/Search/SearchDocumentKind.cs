namespace Bot.Knowledge.Search;

/// <summary>What a search document stands for.</summary>
public enum SearchDocumentKind
{
    /// <summary>A catalogue service item (政务服务事项).</summary>
    Item,

    /// <summary>A "一件事一次办" bundle of items.</summary>
    Bundle,
}
