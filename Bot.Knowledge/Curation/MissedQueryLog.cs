using System.Text.Json;
using Bot.Knowledge.Search;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Text;
using Microsoft.EntityFrameworkCore;

namespace Bot.Knowledge.Curation;

/// <summary>
/// Keeps every <c>none</c> and every <c>clarify</c> a citizen met, masked, with time, channel and candidates; a clarify
/// is marked resolved when the citizen picks one of the candidates. Curators work through what stays unresolved.
/// </summary>
public sealed class MissedQueryLog
{
    private readonly KnowledgeDbContext _db;
    private readonly TimeProvider _time;

    internal MissedQueryLog(KnowledgeDbContext db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Records the query when the decision was none or clarify; returns the record's id, or null for an answer.</summary>
    public async Task<string?> RecordAsync(string channel, string query, SearchResult result, CancellationToken cancellationToken = default)
    {
        if (result.Decision == SearchDecision.Answer) return null;
        var row = new MissedQueryRow
        {
            Id = Guid.NewGuid().ToString(),
            At = _time.GetUtcNow(),
            Channel = channel,
            Query = PersonalData.Mask(query),
            Decision = result.Decision.ToString().ToLowerInvariant(),
            Candidates = JsonSerializer.Serialize(result.Hits.Take(3).Select(h => h.Id)),
        };
        _db.MissedQueries.Add(row);
        await _db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>The citizen chose <paramref name="itemId"/> among the candidates of a clarify.</summary>
    public Task ResolveAsync(string id, string itemId, CancellationToken cancellationToken = default) =>
        _db.MissedQueries.Where(q => q.Id == id).ExecuteUpdateAsync(s => s.SetProperty(q => q.ResolvedWith, itemId), cancellationToken);

    /// <summary>The latest unresolved misses, newest first.</summary>
    public async Task<IReadOnlyList<MissedQuery>> UnresolvedAsync(int take, CancellationToken cancellationToken = default)
    {
        var rows = await _db.MissedQueries.AsNoTracking().Where(q => q.ResolvedWith == null)
            .OrderByDescending(q => q.At).Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new MissedQuery(r.Id, r.At, r.Channel, r.Query, r.Decision, JsonSerializer.Deserialize<List<string>>(r.Candidates)!, r.ResolvedWith))
            .ToList();
    }
}
