using LibrarianExercises.Web;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Editors;

var verb = CommandLine.VerbOf(args);
var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
if (verb is not null)
{
    // A verb prints its own report; keep the log to what needs attention.
    builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
}

builder.AddLibrarianLogging();
builder.Services.AddLibrarianServices(builder.Configuration, builder.Environment);
builder.Services.AddLibrarianEditors(builder.Configuration, builder.Environment);
builder.Services.AddLibrarianWeb(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();

if (verb is not null)
{
    return await CommandLine.RunAsync(app.Services, args);
}

app.UseLibrarianPipeline();
await app.RunAsync();
return 0;
