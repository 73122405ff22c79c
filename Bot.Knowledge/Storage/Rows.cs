namespace Bot.Knowledge.Storage;

// Rows keep the searchable columns relational and the nested guide content as one JSON document:
// an item is always read and written whole, and both SQLite and PostgreSQL store text alike.

internal sealed class DepartmentRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Content { get; set; }
}

internal sealed class ServicePointRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string Content { get; set; }
}

internal sealed class ItemRow
{
    public required string Id { get; set; }
    public required string DepartmentId { get; set; }
    public required string Name { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>SHA-256 of the item as the seed files last gave it: tells whether the seed changed it since.</summary>
    public string? SeedHash { get; set; }

    /// <summary>When a curator last published this item (UTC ticks), or null when it is as the seed gave it.</summary>
    public long? CuratedAtTicks { get; set; }
}

internal sealed class BundleRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One import of the reviewed seed; the hash tells whether the files changed since.</summary>
internal sealed class SeedImportRow
{
    public required string Id { get; set; }
    public required string Hash { get; set; }
    public int Items { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class MissedQueryRow
{
    public required string Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Channel { get; set; }
    public required string Query { get; set; }
    public required string Decision { get; set; }
    public required string Candidates { get; set; }
    public string? ResolvedWith { get; set; }
}

/// <summary>A counter bumped by every change to the knowledge, so that every host notices and reloads.</summary>
internal sealed class KnowledgeRevisionRow
{
    public int Id { get; set; }
    public long Revision { get; set; }
}
