package dev.switchboard.skill;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One child of a skill's folder as {@code resources/directory/read} lists it: a resource, a file with its MIME type and
 * size, or a subfolder ({@value #DIRECTORY}) a client can read in turn.
 *
 * @param uri {@code skill://<name>/<path>}
 * @param name the last segment of its path
 * @param mimeType the file's type, or {@value #DIRECTORY} for a folder
 * @param size the file's bytes; null for a folder
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectoryEntry(String uri, String name, String mimeType, Long size) {

    /** The MIME type of a folder, as the Skills extension names it. */
    public static final String DIRECTORY = "inode/directory";
}
