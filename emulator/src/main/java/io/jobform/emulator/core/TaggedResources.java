package io.jobform.emulator.core;

import java.util.List;

/** Implemented by services whose resources the Tagging API can see. */
public interface TaggedResources {
    List<TaggedResource> taggedResources(String region);
}
