package org.halocloud.link.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns SQL Server style named parameters ({@code @surname}) into JDBC placeholders, in order, so the values are
 * bound — never spliced into the text. Quoted strings, quoted identifiers, comments and system variables
 * ({@code @@ROWCOUNT}) are left alone.
 */
public final class NamedParameters {

    /** @param names the parameter name at each placeholder, without '@' */
    public record Parsed(String sql, List<String> names) {
    }

    private NamedParameters() {
    }

    public static Parsed parse(String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '[') {
                int end = closing(text, i, c == '[' ? ']' : c);
                sql.append(text, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                sql.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                sql.append(text, i, end);
                i = end;
            } else if (c == '@' && i + 1 < n && isNameStart(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != '@')) {
                int end = i + 1;
                while (end < n && isNamePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new Parsed(sql.toString(), names);
    }

    /** Index just past the closing quote; a doubled quote inside is an escaped one. */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** Letters, '_' and digits: generated SQL numbers its parameters ({@code @1, @2}). */
    private static boolean isNameStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Strips a leading '@' from a parameter's declared name. */
    public static String bare(String name) {
        return name != null && name.startsWith("@") ? name.substring(1) : name;
    }
}
