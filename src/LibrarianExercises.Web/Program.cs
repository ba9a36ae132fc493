using LibrarianExercises.Web;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Importing;

var isImport = ImportCommand.IsInvokedBy(args);
// The import verb's file names are not configuration (an absolute path would read as a "/switch").
var builder = WebApplication.CreateBuilder(isImport ? [.. args.Where(ImportCommand.IsSetting)] : args);
if (isImport)
{
    // The command prints its own report; keep the log to what needs attention.
    builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
}

builder.AddLibrarianLogging();
builder.Services.AddLibrarianServices(builder.Configuration, builder.Environment);
builder.Services.AddLibrarianWeb(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();

if (isImport)
{
    return await ImportCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
}

app.UseLibrarianPipeline();
await app.RunAsync();
return 0;
