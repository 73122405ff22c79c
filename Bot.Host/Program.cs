using Bot.Handoff.Storage;
using Bot.Host.Channels;
using Bot.Host.Checklists;
using Bot.Host.Consoles;
using Bot.Host.Conversations;
using Bot.Host.Curation;
using Bot.Host.Doorplates;
using Bot.Host.Health;
using Bot.Host.Hosting;
using Bot.Host.Items;
using Bot.Host.Places;
using Bot.Host.Search;
using Bot.Host.Staff;
using Bot.Host.Storage;
using Bot.Host.Tickets;
using Bot.Knowledge.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootConfiguration();

builder.Services.AddStoreOptions();
builder.Services.AddKnowledge(StoreSetup.Use(KnowledgeDbContext.MigrationsHistoryTable));
builder.Services.AddHandoff(StoreSetup.Use(HandoffDbContext.MigrationsHistoryTable));
builder.Services.AddConversations();
builder.Services.AddStaff();
builder.Services.AddConsoles();
builder.Services.AddApi();
builder.Services.AddHealth();
builder.Services.AddChannels();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseChannels();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealth();
app.MapItems();
app.MapPlaces();
app.MapSearch();
app.MapChecklists();
app.MapChannels();
app.MapDoorplates();
app.MapStaff();
app.MapConsoles();
app.MapCitizenTickets();
app.MapCuration();

return await app.RunOrExplainAsync();

/// <summary>The web host's entry point, visible to <c>WebApplicationFactory</c>.</summary>
public partial class Program;
