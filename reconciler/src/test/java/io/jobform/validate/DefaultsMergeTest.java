package io.jobform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DefaultsMergeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void theJobWinsMappingsMergeListsAndScalarsAreReplaced() throws Exception {
        ObjectNode defaults = json("{'kind':'JobDefaults','spec':{'cluster':'batch','labels':{'owner':'platform','team':'x'},"
                + "'network':{'subnets':['subnet-aaaaaaaa','subnet-bbbbbbbb'],'assignPublicIp':true},"
                + "'retries':{'limit':1,'intervalSeconds':30},'container':{'cpu':256,'env':{'A':'1','B':'2'}}}}");
        ObjectNode job = json("{'kind':'ScheduledJob','metadata':{'name':'j','labels':{'team':'finance'}},"
                + "'spec':{'network':{'subnets':['subnet-cccccccc']},'retries':{'limit':3},"
                + "'container':{'image':'i','cpu':512,'env':{'B':'job'}}}}");

        ObjectNode merged = DefaultsMerge.merge(defaults, job);

        assertThat(merged).isEqualTo(json("{'kind':'ScheduledJob','metadata':{'name':'j','labels':{'owner':'platform','team':'finance'}},"
                + "'spec':{'cluster':'batch','network':{'subnets':['subnet-cccccccc'],'assignPublicIp':true},"
                + "'retries':{'limit':3,'intervalSeconds':30},'container':{'cpu':512,'env':{'A':'1','B':'job'},'image':'i'}}}"));
        // Inputs are untouched.
        assertThat(job.at("/spec/cluster").isMissingNode()).isTrue();
        assertThat(defaults.at("/spec/labels/team").asText()).isEqualTo("x");
    }

    @Test
    void mergingIsStableAndEmptyDefaultsChangeNothing() throws Exception {
        ObjectNode defaults = json("{'spec':{'cluster':'batch','container':{'env':{'A':'1'}}}}");
        ObjectNode job = json("{'metadata':{'name':'j'},'spec':{'container':{'image':'i'}}}");
        ObjectNode once = DefaultsMerge.merge(defaults, job);
        assertThat(DefaultsMerge.merge(defaults, once)).isEqualTo(once);
        assertThat(DefaultsMerge.merge(json("{'spec':{}}"), job)).isEqualTo(job);
    }
}
