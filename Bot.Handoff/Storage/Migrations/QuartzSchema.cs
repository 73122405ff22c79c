namespace Bot.Handoff.Storage.Migrations;

/// <summary>Quartz's job-store DDL for the active provider, read from our embedded copies (Quartz/*.sql).</summary>
internal static class QuartzSchema
{
    /// <summary>The table prefix the DDL was written with; the scheduler is configured with the same.</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>Dependent tables first, so that they can be dropped in this order.</summary>
    public static readonly string[] Tables =
    [
        "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS",
        "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_PAUSED_JOB_GRPS", "QRTZ_FIRED_TRIGGERS",
        "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_EXECUTION_HISTORY", "QRTZ_MISFIRE_HISTORY", "QRTZ_JOB_STATUS",
    ];

    public static IEnumerable<string> Statements(string? activeProvider)
    {
        var dialect = activeProvider switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgres",
            "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
            _ => throw new NotSupportedException($"No Quartz schema for provider '{activeProvider}'."),
        };
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"Bot.Handoff.Quartz.{dialect}.sql")
            ?? throw new InvalidOperationException($"Embedded Quartz schema '{dialect}' is missing.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().ReplaceLineEndings("\n");
        return script.Split("\n--;;\n")
            .Select(chunk => string.Join('\n', chunk.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(statement => statement.Length > 0)
            .ToList();
    }
}
