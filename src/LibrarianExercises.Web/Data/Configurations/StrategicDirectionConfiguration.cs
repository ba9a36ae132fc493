using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibrarianExercises.Web.Data.Configurations;

internal sealed class StrategicDirectionConfiguration : IEntityTypeConfiguration<StrategicDirection>
{
    public void Configure(EntityTypeBuilder<StrategicDirection> builder)
    {
        builder.HasIndex(d => new { d.StrategyVersionId, d.Number }).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.HasMany(d => d.Initiatives)
            .WithOne(i => i.StrategicDirection)
            .HasForeignKey(i => i.StrategicDirectionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Initiatives).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
