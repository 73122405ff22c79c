using Microsoft.Extensions.Options;

namespace Bot.Host.Staff;

/// <summary>Settings of section <c>Staff</c>.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Create the documented development accounts at start (embedded default only; refused in Production).</summary>
    public bool DevelopmentAccounts { get; set; }

    /// <summary>How long a staff login lasts without activity.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>Development accounts have well-known passwords: a Production host refuses to start with them.</summary>
internal sealed class StaffOptionsValidation(IHostEnvironment environment) : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        if (options.DevelopmentAccounts && environment.IsProduction())
            return ValidateOptionsResult.Fail("Staff:DevelopmentAccounts must not be true in the Production environment.");
        if (options.SessionTimeout <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail("Staff:SessionTimeout must be positive.");
        return ValidateOptionsResult.Success;
    }
}
