using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>
/// The statements of a group commit, in SQL that SQLite (3.35+) and PostgreSQL both speak, run with ADO.NET on the
/// DbContext's connection: the hot path needs neither change tracking nor query translation.
/// </summary>
internal sealed class TranscriptSql(DirectLineDbContext db) : IAsyncDisposable
{
    /// <summary>Rows per INSERT statement: 5 parameters each, far below either provider's parameter limit.</summary>
    private const int RowsPerStatement = 200;

    private const string AdvanceCounter =
        "UPDATE directline_conversations SET last_sequence = last_sequence + @count WHERE id = @id RETURNING last_sequence";

    private DbConnection Connection => db.Database.GetDbConnection();

    public async Task<DbTransaction> BeginAsync()
    {
        await db.Database.OpenConnectionAsync();
        return await Connection.BeginTransactionAsync();
    }

    /// <summary>
    /// Adds <paramref name="counts"/> to the conversations' counters, in the order given, and returns each new last
    /// sequence (null for a conversation that does not exist). Updating the row locks it until commit, so appends to
    /// one conversation commit in sequence order on every host.
    /// </summary>
    public async Task<long?[]> AdvanceCountersAsync(DbTransaction transaction, IReadOnlyList<string> conversationIds, IReadOnlyList<int> counts)
    {
        var last = new long?[conversationIds.Count];
        if (Connection.CanCreateBatch)
        {
            // PostgreSQL: every counter in one round trip.
            await using var batch = Connection.CreateBatch();
            batch.Transaction = transaction;
            for (var i = 0; i < conversationIds.Count; i++)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = AdvanceCounter;
                command.Parameters.Add(Parameter(command.CreateParameter(), "count", (long)counts[i]));
                command.Parameters.Add(Parameter(command.CreateParameter(), "id", conversationIds[i]));
                batch.BatchCommands.Add(command);
            }
            await using var reader = await batch.ExecuteReaderAsync();
            for (var i = 0; i < last.Length; i++)
            {
                if (await reader.ReadAsync()) last[i] = reader.GetInt64(0);
                await reader.NextResultAsync();
            }
            return last;
        }
        // SQLite runs in process: a round trip is a function call, and its async methods run synchronously anyway, so the
        // synchronous ones save a task per statement. Parameter names carry their prefix: without it Microsoft.Data.Sqlite
        // looks each name up once per prefix (:, @, $) on every execution.
        using var update = Connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = AdvanceCounter;
        var count = Parameter(update.CreateParameter(), "@count", 0L);
        var id = Parameter(update.CreateParameter(), "@id", "");
        update.Parameters.Add(count);
        update.Parameters.Add(id);
        update.Prepare();
        for (var i = 0; i < conversationIds.Count; i++)
        {
            count.Value = (long)counts[i];
            id.Value = conversationIds[i];
            last[i] = update.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        return last;
    }

    public async Task InsertAsync(DbTransaction transaction, IReadOnlyList<TranscriptRow> rows)
    {
        if (!Connection.CanCreateBatch)
        {
            // SQLite: one prepared statement run per row (in process, a run is a function call). A multi-row VALUES list
            // costs more here: SQLite resolves each named parameter by a linear search over the names seen so far,
            // so a statement of n parameters takes O(n²) string comparisons to prepare and bind (perf: 15 % of CPU at 1000).
            // Synchronous, with prefixed parameter names, for the reasons given in AdvanceCountersAsync.
            using var single = Connection.CreateCommand();
            single.Transaction = transaction;
            single.CommandText = "INSERT INTO directline_activities (conversation_id, sequence, activity_id, content, created_at) VALUES (@c,@s,@a,@j,@t)";
            var c = Parameter(single.CreateParameter(), "@c", "");
            var s = Parameter(single.CreateParameter(), "@s", 0L);
            var a = Parameter(single.CreateParameter(), "@a", "");
            var j = Parameter(single.CreateParameter(), "@j", "");
            var t = Parameter(single.CreateParameter(), "@t", DateTimeOffset.MinValue);
            single.Parameters.AddRange(new[] { c, s, a, j, t });
            single.Prepare();
            foreach (var row in rows)
            {
                c.Value = row.ConversationId;
                s.Value = row.Sequence;
                a.Value = row.ActivityId;
                j.Value = row.Json;
                t.Value = row.CreatedAt;
                single.ExecuteNonQuery();
            }
            return;
        }
        // PostgreSQL: many rows per statement, so a batch is a few round trips.
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var end = Math.Min(rows.Count, start + RowsPerStatement);
            await using var insert = Connection.CreateCommand();
            insert.Transaction = transaction;
            var text = new System.Text.StringBuilder(
                "INSERT INTO directline_activities (conversation_id, sequence, activity_id, content, created_at) VALUES ");
            for (var i = start; i < end; i++)
            {
                var n = i - start;
                if (n > 0) text.Append(',');
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"(@c{n},@s{n},@a{n},@j{n},@t{n})");
                var row = rows[i];
                insert.Parameters.Add(Parameter(insert.CreateParameter(), $"c{n}", row.ConversationId));
                insert.Parameters.Add(Parameter(insert.CreateParameter(), $"s{n}", row.Sequence));
                insert.Parameters.Add(Parameter(insert.CreateParameter(), $"a{n}", row.ActivityId));
                insert.Parameters.Add(Parameter(insert.CreateParameter(), $"j{n}", row.Json));
                insert.Parameters.Add(Parameter(insert.CreateParameter(), $"t{n}", row.CreatedAt));
            }
            insert.CommandText = text.ToString();
            await insert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Closes the connection that <see cref="BeginAsync"/> opened; a pooled context goes back without it.</summary>
    public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();

    private static DbParameter Parameter(DbParameter parameter, string name, object value)
    {
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}

/// <summary>One activity row as the writer inserts it.</summary>
internal sealed record TranscriptRow(string ConversationId, long Sequence, string ActivityId, string Json, DateTimeOffset CreatedAt);
