// pgJDBC (Debian: libpostgresql-jdbc-java, /usr/share/java/postgresql.jar),
// as Tableau, Metabase and DBeaver use it. Run:
//   javac JdbcRecipe.java && java -cp /usr/share/java/postgresql.jar:. JdbcRecipe
import java.sql.*;
import java.time.LocalDate;
import java.util.*;

public class JdbcRecipe {
    static int n = 0, failed = 0;

    static void check(boolean ok, String what) {
        n++;
        if (!ok) failed++;
        System.out.println((ok ? "ok " : "not ok ") + n + " - " + what);
    }

    static String env(String k, String dflt) {
        String v = System.getenv(k);
        return v == null || v.isEmpty() ? dflt : v;
    }

    public static void main(String[] args) throws Exception {
        String base = "jdbc:postgresql://" + env("PGHOST", "localhost") + ":" + env("PGPORT", "5432")
            + "/" + env("PGDATABASE", "postgres");
        Properties login = new Properties();
        login.setProperty("user", env("PGUSER", "postgres"));
        login.setProperty("password", env("PGPASSWORD", ""));

        // stringtype=unspecified: a value bound with setString (what BI tools
        // do with dates typed into a filter) reaches the server untyped, so
        // PostgreSQL gives it the type the function wants
        try (Connection c = DriverManager.getConnection(base + "?stringtype=unspecified", login)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT oba.fy_quarter(?), oba.fy_quarter_start(?)")) {
                ps.setString(1, "2024-05-01");
                ps.setString(2, "2024-08-15");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    check(rs.getString(1).equals("2024-25 Q1")
                          && rs.getObject(2, LocalDate.class).equals(LocalDate.of(2024, 7, 1)),
                          "JDBC: dates bound as strings, a date read as LocalDate whatever the JVM's zone");
                }
            }
            // SELECT * FROM the function: one column per field, float8 as double
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM oba.rate(?, ?)")) {
                ps.setDouble(1, 12);
                ps.setDouble(2, 4310);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    check(rs.getDouble("value") == 27.842227378190252 && rs.getDouble("lower") == 14.370092443338814
                          && rs.getDouble("upper") == 48.63772170212691, "JDBC: oba.rate, every bit");
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT p.outside_limits FROM oba.spc_points("
                     + "ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::float8[],"
                     + "ARRAY[10,11,9,10,12,10,9,11,10,10,11,9,10,12,10,9,11,10,10,30]::float8[]) AS p"
                     + " ORDER BY p.t DESC LIMIT 1")) {
                rs.next();
                check(rs.getObject(1) instanceof Boolean && rs.getBoolean(1), "JDBC: a boolean as Boolean");
            }
            // the table list a BI tool shows: tables and views; a materialised
            // view is not among them, the plain view over it is
            List<String> listed = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "report_card%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) listed.add(rs.getString("TABLE_NAME"));
            }
            check(listed.equals(List.of("report_card_bi")), "JDBC: getTables lists report_card_bi, not the materialised view");
        }

        // without stringtype=unspecified the same call fails: the string is
        // sent as varchar, and there is no oba.fy_quarter(varchar)
        try (Connection c = DriverManager.getConnection(base, login);
             PreparedStatement ps = c.prepareStatement("SELECT oba.fy_quarter(?)")) {
            ps.setString(1, "2024-05-01");
            ps.executeQuery();
            check(false, "JDBC: without stringtype=unspecified a string for a date is refused");
        } catch (SQLException e) {
            check("42883".equals(e.getSQLState()), "JDBC: without stringtype=unspecified a string for a date is refused (42883)");
        }
        System.out.println("1.." + n);
        System.exit(failed == 0 ? 0 : 1);
    }
}
