using System.Security.Claims;
using Bot.Handoff.Staff;
using Bot.Host.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Bot.Host.Consoles;

/// <summary>
/// The staff consoles' live channel at <c>/hubs/staff</c>. Each connection joins the groups that
/// <see cref="Bot.Handoff.Notifications.StaffNotice.Audience"/> names: its role, <c>user:{name}</c> and, for a
/// department handler, <c>department:{id}</c>. The server only pushes; consoles act through the JSON APIs.
/// </summary>
[Authorize(Roles = StaffRoles.Anyone)]
internal sealed class StaffHub(IStaffPresence presence, ILogger<StaffHub> logger) : Hub
{
    public const string Path = "/hubs/staff";

    /// <summary>The one method the server calls on a console, with a <see cref="ConsoleNotice"/>.</summary>
    public const string NoticeMethod = "Notice";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        foreach (var group in GroupsOf(user)) await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        await presence.ConnectedAsync(Context.ConnectionId, user.Actor(), online: true, Context.ConnectionAborted);
        logger.ConsoleConnected(user.Identity!.Name!, user.Role().ToString());
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await presence.DisconnectedAsync(Context.ConnectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// 在线/离开 (shared with every host through <see cref="IStaffPresence"/>, which decides whether the assistant
    /// offers a citizen a human at all): away, a specialist stops hearing about the queue (their role group) but still hears their own
    /// conversations (their user group), so a chat in progress is never cut off.
    /// </summary>
    public async Task SetPresence(bool online)
    {
        var role = Context.User!.Role().ToString();
        if (online) await Groups.AddToGroupAsync(Context.ConnectionId, role, Context.ConnectionAborted);
        else await Groups.RemoveFromGroupAsync(Context.ConnectionId, role, Context.ConnectionAborted);
        await presence.SetOnlineAsync(Context.ConnectionId, online, Context.ConnectionAborted);
    }

    internal static IEnumerable<string> GroupsOf(ClaimsPrincipal user)
    {
        yield return user.Role().ToString();
        yield return $"user:{user.Identity!.Name}";
        if (user.Role() == StaffRole.DepartmentHandler && user.FindFirstValue(StaffClaims.Department) is { } department)
            yield return $"department:{department}";
    }
}

/// <summary>A staff notice as a console receives it; the audience is the group it came through and is not repeated.</summary>
public sealed record ConsoleNotice(string Kind, string Subject, string Summary, DateTimeOffset At);
