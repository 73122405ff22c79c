using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Conversations.State;

/// <summary>Loads and saves conversation state (once per turn) and the records a conversation produces.</summary>
internal sealed class ConversationStore(ConversationDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ConversationState State, int Version)> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var row = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        return row is null ? (new ConversationState(), 0) : (JsonSerializer.Deserialize<ConversationState>(row.State, Json)!, row.Version);
    }

    /// <summary>Saves the state if nobody else saved since <paramref name="version"/> was loaded; false on a lost race.</summary>
    public async Task<bool> TrySaveAsync(string conversationId, string channelId, ConversationState state, int version, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(state, Json);
        var now = time.GetUtcNow();
        try
        {
            if (version == 0)
            {
                db.Conversations.Add(new ConversationRow { Id = conversationId, ChannelId = channelId, State = json, Version = 1, UpdatedAt = now });
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            var updated = await db.Conversations
                .Where(c => c.Id == conversationId && c.Version == version)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, json).SetProperty(c => c.Version, version + 1).SetProperty(c => c.UpdatedAt, now),
                    cancellationToken);
            return updated == 1;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<string> SaveChecklistAsync(string subjectId, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        var id = NewChecklistId();
        db.Checklists.Add(new ChecklistRow { Id = id, SubjectId = subjectId, Answers = JsonSerializer.Serialize(answers, Json), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    public async Task<(string SubjectId, Dictionary<string, string> Answers)?> FindChecklistAsync(string id, CancellationToken cancellationToken)
    {
        var row = await db.Checklists.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is null ? null : (row.SubjectId, JsonSerializer.Deserialize<Dictionary<string, string>>(row.Answers, Json)!);
    }

    public async Task AddErrorReportAsync(string conversationId, string? subjectId, string? answerShown, string note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.ErrorReports.Add(new ErrorReportRow
        {
            Id = Guid.NewGuid().ToString(), ConversationId = conversationId, SubjectId = subjectId, AnswerShown = answerShown, Note = note,
            CreatedAt = now, CreatedAtTicks = now.UtcTicks,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The latest error reports (找茬), newest first.</summary>
    public async Task<IReadOnlyList<ErrorReport>> ErrorReportsAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.ErrorReports.AsNoTracking().OrderByDescending(r => r.CreatedAtTicks).Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new ErrorReport(r.Id, r.CreatedAt, r.ConversationId, r.SubjectId, r.AnswerShown, r.Note)).ToList();
    }

    /// <summary>10 characters from an alphabet without look-alikes: short enough to read out, too many to guess.</summary>
    private static string NewChecklistId() => RandomNumberGenerator.GetString("23456789abcdefghjkmnpqrstuvwxyz", 10);
}
