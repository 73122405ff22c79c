using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bot.Host.Staff;

/// <summary>
/// Creates the development accounts listed in the README when <c>Staff:DevelopmentAccounts</c> is on (it is in
/// appsettings.Development.json, which <c>dotnet run</c> uses). Never in Production: the options refuse it.
/// </summary>
internal sealed class DevelopmentAccounts(IServiceScopeFactory scopes, IOptions<StaffOptions> options, StaffPasswords passwords,
    ILogger<DevelopmentAccounts> logger) : IHostedService
{
    public const string Password = "Doorplate-2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string EmployeeNumber, StaffRole Role, string? Department)> Accounts =
    [
        ("specialist", "帮办专员（演示）", "1001", StaffRole.Specialist, null),
        ("handler-scjg", "市场监管局经办人（演示）", "2001", StaffRole.DepartmentHandler, "SCJG"),
        ("handler-ga", "公安局经办人（演示）", "2002", StaffRole.DepartmentHandler, "GA"),
        ("supervisor", "督办人（演示）", "3001", StaffRole.Supervisor, null),
        ("curator", "知识管理员（演示）", "4001", StaffRole.Curator, null),
        ("admin", "系统管理员（演示）", "9001", StaffRole.Admin, null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DevelopmentAccounts) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var existing = await db.Staff.Select(s => s.UserName).ToListAsync(cancellationToken);
        foreach (var account in Accounts.Where(a => !existing.Contains(a.UserName)))
            db.Staff.Add(new StaffMember(account.UserName, account.DisplayName, account.EmployeeNumber, account.Role, account.Department, passwords.Hash(Password)));
        var added = await db.SaveChangesAsync(cancellationToken);
        logger.DevelopmentAccountsCreated(added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
