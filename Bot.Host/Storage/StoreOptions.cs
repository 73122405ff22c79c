using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Storage;

/// <summary>Settings of section <c>Store</c>: which relational database holds conversations, tickets and knowledge.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string Section = "Store";

    /// <summary><c>Sqlite</c> (embedded default, a file created on first start) or <c>Postgres</c>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is resolved against the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = "data/govdoorplate.db";

    /// <summary>Npgsql connection string, required when <see cref="Provider"/> is <c>Postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Store:ConnectionString is required when Store:Provider is Postgres.", [nameof(ConnectionString)]);
    }
}

/// <summary>The relational providers GovDoorplate runs on.</summary>
public enum StoreProvider { Sqlite, Postgres }
