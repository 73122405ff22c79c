using System.Text;
using System.Text.Json;
using Bot.Host.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Host.Consoles;

/// <summary>
/// Carries staff notices between hosts that share one PostgreSQL database, so that a console connected to host B
/// hears about a citizen whose turn ran on host A (SignalR groups are per process). It uses PostgreSQL's own
/// LISTEN/NOTIFY: no other server to run. Each host pushes its own notices to its own consoles directly and ignores
/// them when they come back from the database. On SQLite (one host by design) it does nothing.
/// Delivery is at most once: a notice sent while a host's listening connection is down does not reach that host's
/// consoles; they catch up by reloading the queue and tickets, which every console does when its hub reconnects.
/// </summary>
internal sealed class StaffNoticeBus(IOptions<StoreOptions> store, IHubContext<StaffHub> hub, ILogger<StaffNoticeBus> logger) : BackgroundService
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string Channel = "govdoorplate_staff_notices";

    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more; a longer summary is cut to fit.</summary>
    private const int MaxPayloadBytes = 7800;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _hostId = Guid.NewGuid().ToString("N");
    private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(store.Value.ConnectionString!));

    private bool Enabled => store.Value.Provider == StoreProvider.Postgres;

    private sealed record Envelope(string Host, IReadOnlyList<string> Audience, ConsoleNotice Notice);

    /// <summary>Hands a notice this host has already pushed to its own consoles to every other host.</summary>
    public async Task PublishAsync(IReadOnlyList<string> audience, ConsoleNotice notice, CancellationToken cancellationToken)
    {
        if (!Enabled) return;
        var payload = Payload(new Envelope(_hostId, audience, notice));
        try
        {
            await using var command = _source.Value.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.NoticeNotPublished(notice.Kind, e); // the change itself is saved; this host's consoles have the notice
        }
    }

    private static string Payload(Envelope envelope)
    {
        var payload = JsonSerializer.Serialize(envelope, Json);
        var summary = envelope.Notice.Summary;
        while (summary.Length > 0 && Encoding.UTF8.GetByteCount(payload) >= MaxPayloadBytes)
        {
            summary = summary[..(summary.Length * 3 / 4)];
            payload = JsonSerializer.Serialize(envelope with { Notice = envelope.Notice with { Summary = summary + "…（内容过长，请在控制台查看全文）" } }, Json);
        }
        return payload;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.Value.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                logger.NoticeBusListening();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                logger.NoticeBusInterrupted(e);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Deliver(string payload)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(payload, Json);
        }
        catch (JsonException e)
        {
            logger.NoticeUnreadable(e);
            return;
        }
        if (envelope is null || envelope.Host == _hostId || envelope.Audience.Count == 0) return;
        _ = PushAsync(envelope);
    }

    private async Task PushAsync(Envelope envelope)
    {
        try
        {
            await StaffNotifier.PushAsync(hub, envelope.Audience, envelope.Notice, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.NoticeNotPushed(envelope.Notice.Kind, e);
        }
    }

    public override void Dispose()
    {
        if (_source.IsValueCreated) _source.Value.Dispose();
        base.Dispose();
    }
}
